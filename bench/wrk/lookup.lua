-- GET /api/v1/public/dossiers/{code}?phone=… rotating through real code/phone pairs
-- (BENCH_PAIRS: a file of "code phone" lines taken from the loaded data).
package.path = os.getenv("BENCH_WRK_DIR") .. "/?.lua;" .. package.path
require("report")
expected = 200

local paths = {}
for line in io.lines(os.getenv("BENCH_PAIRS")) do
  local code, phone = line:match("^(%S+)%s+(%S+)$")
  if code then
    paths[#paths + 1] = "/api/v1/public/dossiers/" .. code .. "?phone=" .. phone
  end
end
local i = 0

function init(args)
  i = (id or 0) * 997
end

function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
