-- POST /api/v1/dossiers with a bearer token (BENCH_TOKEN) and a counter intake in JSON for
-- procedure BENCH_PROCEDURE; any answer but 201 is counted as unexpected.
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("report")
expected = 201

local bodies = {}
local names = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Quốc Dũng"}
for n = 1, 64 do
  bodies[n] = string.format([[{"procedure_code": "%s", "channel": "in_person",
"return_method": "in_person", "applicant": {"kind": "person", "full_name": "%s",
"id_number": "0010900%05d", "phone": "09%08d", "email": "kh%d@example.vn",
"address": "Số %d đường Lê Lợi, phường Tân An"}, "documents": [
{"name": "Giấy đề nghị cấp giấy phép theo mẫu", "original": true, "copies": 1},
{"name": "Phương án kinh doanh", "original": true, "copies": 1}]}]],
    os.getenv("BENCH_PROCEDURE"), names[n % #names + 1], n, 12345600 + n, n, n)
end
local headers = {
  ["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN"),
  ["Content-Type"] = "application/json",
}
local i = 0

function request()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/v1/dossiers", headers, bodies[i])
end
