-- GET one of a list of paths, chosen at random (status by order id; list pages).
-- BENCH_PATHS: a file with one path per line.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do table.insert(paths, line) end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
