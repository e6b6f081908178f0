-- Pharmacy create (contract 001): a new user (e-mail and phone) with every order, the
-- two bench products, credit payment, shipped to a CDMX address; its own Idempotency-Key.
-- BENCH_PRODUCTS: the two product ids; BENCH_PAYMENT: the payment method's id.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

wrk.method = "POST"
wrk.path = "/api/orders/resources/"

local products = {}
for id in string.gmatch(os.getenv("BENCH_PRODUCTS"), "%d+") do table.insert(products, id) end
local payment = os.getenv("BENCH_PAYMENT")

-- Phones are unique per account too, and valid (CDMX, +52 55): three digits for the run
-- (its number in the harness's tag, twice over for its warm-up: a full run makes more than
-- fifty, and two digits wrapped, so a late run's phones met an early one's), five for the request.
local run = tonumber(string.match(common.tag, "-(%d+)$") or string.match(common.tag, "-(%d+)-warmup$") or "0")
local prefix = run * 2 + (string.find(common.tag, "warmup") and 1 or 0)
local phones = 0
function request()
  local n = common.unique()
  phones = phones + 1
  local phone = string.format("+5255%03d%05d", prefix % 1000, phones)
  local body = string.format([[{"user": {"email": "paciente-%s@example.mx", "phone": "%s", "first_name": "Ana", "last_name": "Bench"},
    "order": {"details": [{"product": %s, "quantity": 2}, {"product": %s, "quantity": 3}], "payment_method": %s,
    "shipping": {"street": "Av. Reforma", "exterior_number": "222", "neighborhood": "Juárez", "city": "Ciudad de México",
    "state": "CDMX", "country": "México", "zipcode": "06600", "phone": "+525512345678"}}}]],
    n, phone, products[1], products[2], payment)
  return common.idempotent(n, body)
end
