-- POST one file as multipart/form-data (field `file`) to one of a list of paths, chosen at
-- random: the masks portal's scan upload. The portal link is the credential (order id and
-- e-mail in the query), so no key header is sent.
-- BENCH_PATHS: a file with one path per line; BENCH_UPLOAD: the file to send;
-- BENCH_UPLOAD_NAME / BENCH_UPLOAD_TYPE: its name and content type in the form.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do table.insert(paths, line) end

local file = io.open(os.getenv("BENCH_UPLOAD"), "rb")
local content = file:read("*a")
file:close()

local boundary = "carepost-bench-boundary"
local body = "--" .. boundary .. "\r\n" ..
  'Content-Disposition: form-data; name="file"; filename="' .. os.getenv("BENCH_UPLOAD_NAME") .. '"\r\n' ..
  "Content-Type: " .. os.getenv("BENCH_UPLOAD_TYPE") .. "\r\n\r\n" ..
  content .. "\r\n--" .. boundary .. "--\r\n"
local headers = {["Content-Type"] = "multipart/form-data; boundary=" .. boundary}

function request()
  return wrk.format("POST", paths[math.random(#paths)], headers, body)
end
