-- Replays the requests bench/harness/wrk.py wrote, in order, and reports in a form it parses.
--
-- Arguments (after `--`): the request file, the expected status, "cycle" or "once".
-- A line of the file: METHOD <tab> path <tab> headers (name: value, separated by \31) <tab> body.
-- "once": every request is sent at most once (a COA handover creates a dossier, a vaststelling
-- can be done once); the thread stops sending when the list is used up and wrk waits out the
-- duration, so the harness prepares more calls than a run sends.

local requests, expected, cycle, next_index = {}, 200, true, 0
mismatches, first_error = 0, ""
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  expected, cycle = tonumber(args[2]), args[3] == "cycle"
  for line in io.lines(args[1]) do
    local method, path, header_text, body = line:match("^(%S+)\t(%S+)\t([^\t]*)\t(.*)$")
    local headers = { Host = wrk.host .. ":" .. wrk.port }
    for name, value in header_text:gmatch("([^\31:]+): ([^\31]*)") do
      headers[name] = value
    end
    requests[#requests + 1] = wrk.format(method, path, headers, body ~= "" and body or nil)
  end
end

function request()
  next_index = next_index + 1
  if next_index > #requests then
    if not cycle then
      wrk.thread:stop()
    end
    next_index = 1
  end
  return requests[next_index]
end

function response(status, headers, body)
  if status ~= expected then
    mismatches = mismatches + 1
    if first_error == "" then
      first_error = status .. " " .. (body or ""):sub(1, 300):gsub("[\r\n\t]", " ")
    end
  end
end

function done(summary, latency, requests)
  local mismatched, first = 0, ""
  for _, thread in ipairs(threads) do
    mismatched = mismatched + thread:get("mismatches")
    if first == "" then
      first = thread:get("first_error")
    end
  end
  local e = summary.errors
  io.write(string.format("requests\t%d\n", summary.requests))
  io.write(string.format("seconds\t%f\n", summary.duration / 1e6))
  io.write(string.format("errors\t%d\n", mismatched + e.connect + e.read + e.write + e.timeout))
  for _, p in ipairs({ 50, 95, 99 }) do
    io.write(string.format("p%d\t%f\n", p, latency:percentile(p) / 1000))
  end
  io.write("first_error\t" .. first .. "\n")
end
