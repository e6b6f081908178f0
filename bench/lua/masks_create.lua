-- Masks create (contract 000): every request its own idempotency key and patient.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

wrk.method = "POST"
wrk.path = "/api/partner/v1/orders"

function request()
  local n = common.unique()
  local body = string.format([[{"idempotency_key": "bench-%s", "patient_email": "patient-%s@example.com",
    "patient_name": "Patient %s", "phone": "+15035550100", "mask_type": "cpap", "forge_sends_email_to_client": false,
    "shipping_address": {"first_name": "Pat", "last_name": "Bench", "address1": "1 Main Street", "city": "Portland",
    "province": "Oregon", "country": "United States", "country_code": "US", "zip": "97201"}}]], n, n, n)
  return wrk.format(nil, nil, nil, body)
end
