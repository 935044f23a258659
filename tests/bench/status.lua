-- status.lua — the wrk script of scripts/bench-parts/17-overload.sh and
-- 17-memory.sh: counts the answers by status.
--
--   wrk … -s status.lua URL                            GET URL
--   wrk … -s status.lua URL -- post BODY COOKIE ORIGIN  POST BODY to URL
--   wrk … -s status.lua BASE -- paths PATH…             GET the paths in
--       turn, with a cookie the page cache bypasses (sk_session, not a
--       session token): every request reaches a worker
--
-- done() prints "status CODE N" for each status seen, then
-- "timeouts T errors E seconds S" (E: connect, read and write errors).
-- (wrk runs for its whole -d even when its threads stop early, so the
-- memory part runs it in rounds until its count.)
local threads = {}

function setup(thread)
	table.insert(threads, thread)
end

function init(args)
	counts = {}
	paths, i = nil, 0
	if args[1] == "post" then
		wrk.method = "POST"
		wrk.body = args[2]
		wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
		wrk.headers["Cookie"] = args[3]
		wrk.headers["Origin"] = args[4]
	elseif args[1] == "paths" then
		paths = {}
		for k = 2, #args do
			table.insert(paths, args[k])
		end
		wrk.headers["Cookie"] = "sk_session=bench-memory"
	end
end

function request()
	if paths == nil then
		return wrk.request()
	end
	i = i % #paths + 1
	return wrk.format("GET", paths[i])
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
