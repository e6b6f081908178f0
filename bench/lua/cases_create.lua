-- Cases PLACE_ORDER (contract 003): one prescription item, added to the bench's live case;
-- its own Idempotency-Key. BENCH_CASE: the case's id.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")
setup, done = common.setup, common.done

wrk.method = "POST"
wrk.path = "/api/v1/cases/" .. os.getenv("BENCH_CASE")

local body = [[{"action": "PLACE_ORDER", "order": {
  "shippingAddress": {"addressLine1": "123 Main St", "city": "San Francisco", "state": "CA", "country": "US", "postalCode": "94105"},
  "prescriber": {"firstName": "John", "lastName": "Smith", "npi": "1234567893", "email": "john.smith@example.com",
    "phoneNumber": "+14155550100", "address": {"addressLine1": "456 Medical Center Dr", "city": "San Francisco", "state": "CA",
    "country": "US", "postalCode": "94102"}},
  "diagnosis": "Hypertension", "pharmacyId": "pharmacy-123", "dateWritten": "2026-11-15",
  "prescriptionItems": [{"drugId": "drug-456", "direction": "Take 1 tablet daily", "quantity": "30", "refillCount": 3, "supplyDays": 30}]}}]]

function request()
  return common.idempotent(common.unique(), body)
end
