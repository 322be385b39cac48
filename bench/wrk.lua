-- One wrk script for every benchmarked operation; bench/run.sh sets, before this file, the globals
--   BODY      the JSON request text for operations without variables, or
--   HEAD      the JSON text up to the variables, for `card` (a random clone's id) and `submit` (a new report)
--   OP, TOKEN, PROJECTS (how many clones PEER-00001... exist), RUN (a stamp that makes idempotency keys unique),
--   CHECK (true: count answers with GraphQL or payload errors)
-- Each wrk thread has its own fixed random seed, so runs repeat.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/graphql-response+json"
wrk.headers["Authorization"] = "Bearer " .. TOKEN

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

-- base64url without padding, as the service's global ids are written
local function base64url(text)
  local out = {}
  for i = 1, #text, 3 do
    local a, b, c = text:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local chars = (c and 4) or (b and 3) or 2
    for j = 1, chars do
      local index = math.floor(n / 2 ^ (6 * (4 - j))) % 64
      out[#out + 1] = alphabet:sub(index + 1, index + 1)
    end
  end
  return table.concat(out)
end

local function clone()
  return string.format("PEER-%05d", math.random(PROJECTS))
end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_number", #threads)
end

local sent = 0
function init(args)
  math.randomseed(7919 * (thread_number or 1))
end

function request()
  if OP == "card" then
    return wrk.format(nil, nil, nil, HEAD .. '"variables":{"id":"' .. base64url("Project:" .. clone()) .. '"}}')
  elseif OP == "submit" then
    sent = sent + 1
    local amount = string.format("%d.%02d", math.random(0, 4), math.random(0, 99))
    local input = string.format('{"i":{"projectId":"%s","period":{"year":2012,"month":%d,"half":%d},'
      .. '"investmentCompleted":"%s","physicalProgressPercent":40,"idempotencyKey":"bench-%s-%d-%d"}}',
      base64url("Project:" .. clone()), math.random(1, 9), math.random(1, 2), amount, RUN, thread_number or 1, sent)
    return wrk.format(nil, nil, nil, HEAD .. '"variables":' .. input .. '}')
  end
  return wrk.format(nil, nil, nil, BODY)
end

failures = 0
if CHECK then
  -- a GraphQL error or a refused submission is a failure (wrk counts non-2xx answers itself); reading every
  -- body costs the client CPU, so only operations that can be refused check
  function response(status, headers, body)
    if status == 200 and body:find('"errors":%[{', 1) ~= nil then
      failures = failures + 1
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("failures") or 0)
  end
  io.write(string.format("graphql errors: %d\n", total))
end
