-- status.lua — the wrk script of scripts/bench-parts/17-overload.sh:
-- counts the answers by status, and with arguments sends each request
-- as a POST of one form (the sign-in burst).
--
--   wrk … -s status.lua URL                              GET, counted
--   wrk … -s status.lua URL -- BODY COOKIE ORIGIN        POST BODY
--
-- done() prints "status CODE N" for each status seen, then
-- "timeouts T errors E seconds S" (E: connect, read and write errors).
local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	counts = {}
	if args[1] ~= nil then
		wrk.method = "POST"
		wrk.body = args[1]
		wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
		wrk.headers["Cookie"] = args[2]
		wrk.headers["Origin"] = args[3]
	end
end

function response(status, headers, body)
	counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
	local all = {}
	for _, t in ipairs(threads) do
		for k, v in pairs(t:get("counts")) do
			all[k] = (all[k] or 0) + v
		end
	end
	for k, v in pairs(all) do
		io.write(string.format("status %d %d\n", k, v))
	end
	local e = summary.errors
	io.write(string.format("timeouts %d errors %d seconds %.3f\n",
	    e.timeout, e.connect + e.read + e.write, summary.duration / 1e6))
end
