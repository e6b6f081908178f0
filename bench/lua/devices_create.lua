-- Devices create (contract 002): every request its own Idempotency-Key and a new
-- patient made with the order; one of the bench items, chosen at random.
-- BENCH_ITEMS: the item ids, comma-separated.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

wrk.method = "POST"
wrk.path = "/api/v3/order"

local items = {}
for id in string.gmatch(os.getenv("BENCH_ITEMS"), "%d+") do table.insert(items, id) end

function request()
  local n = common.unique()
  local body = string.format([[{"patient": {"firstName": "Pat", "lastName": "Bench", "externalIdentifier": "bench-%s",
    "address": {"lineOne": "1 Main St", "city": "Portland", "state": "OR", "zipCode": "97201", "country": "US"}},
    "orderItems": [{"item": {"id": %s}, "count": 1}], "externalOrderIds": ["ext-%s"]}]],
    n, items[math.random(#items)], n)
  return common.idempotent(n, body)
end
