-- comments.lua — the wrk script of scripts/bench-parts/17-comments.sh:
-- many distinct signed-in users post comments as fast as they can, each
-- POST with its own fresh form: GET the consultation page (the comment
-- form, its masked CSRF token and one-time nonce), then POST the comment
-- with them, then the next user of this connection.  Run with one
-- connection per thread (wrk -tN -cN), so that each thread's responses
-- are its one connection's, in order.
--
--   wrk -tN -cN -dD -s comments.lua BASE -- SESSIONS PAGE N ORIGIN
--     SESSIONS  a file of session tokens (sk_session cookies), one a line;
--               thread i takes lines i, i + N, i + 2N …
--     PAGE      /consultations/ID
--
-- done() prints one line: "posted P dup D failed F seconds S" — P
-- comments acknowledged (303 to ?posted=1), D answered as duplicates, F
-- anything else (a form not found, a 4xx/5xx).
local threads = {}
local count = 0

function setup(thread)
	thread:set("idx", count)
	count = count + 1
	table.insert(threads, thread)
end

function init(args)
	local n, i = tonumber(args[3]), 0
	tokens = {}
	for line in io.lines(args[1]) do
		if i % n == idx then
			table.insert(tokens, line)
		end
		i = i + 1
	end
	page = args[2]
	origin = args[4]
	u, sent = 1, 0
	posted, dup, failed = 0, 0, 0
	getq, gets, postq, posts = 0, 0, 0, 0
	csrf, nonce, pending = nil, nil, nil
end

function request()
	local cookie = "sk_session=" .. tokens[u]
	if csrf == nil then
		pending = "get"
		return wrk.format("GET", page, { ["Cookie"] = cookie,
		    ["Accept-Language"] = "en" })
	end
	pending = "post"
	sent = sent + 1
	return wrk.format("POST", page .. "/comments", {
		["Cookie"] = cookie, ["Origin"] = origin,
		["Accept-Language"] = "en",
		["Content-Type"] = "application/x-www-form-urlencoded" },
	    "csrf=" .. csrf .. "&nonce=" .. nonce .. "&article=0&body=" ..
	    "Bench+comment+" .. idx .. "-" .. sent ..
	    "+on+the+draft%2C+with+a+few+details+and+proposals.")
end

function response(status, headers, body)
	local q = tonumber(headers["X-Sharek-Queries"] or "")
	if q ~= nil and pending == "get" then
		getq, gets = getq + q, gets + 1
	elseif q ~= nil then
		postq, posts = postq + q, posts + 1
	end
	if pending == "get" then
		if status == 200 then
			csrf = body:match('name="csrf" value="(%x+)"')
			nonce = body:match('name="nonce" value="(%x+)"')
		end
		if csrf == nil or nonce == nil then
			csrf, nonce = nil, nil
			failed = failed + 1
			u = u % #tokens + 1
		end
		return
	end
	local loc = headers["Location"] or ""
	if status == 303 and loc:find("posted=1", 1, true) then
		posted = posted + 1
	elseif status == 303 then
		dup = dup + 1
	else
		failed = failed + 1
	end
	csrf, nonce = nil, nil
	u = u % #tokens + 1
end

function done(summary, latency, requests)
	local p, d, f = 0, 0, 0
	local gq, gn, pq, pn = 0, 0, 0, 0
	for _, t in ipairs(threads) do
		p = p + t:get("posted")
		d = d + t:get("dup")
		f = f + t:get("failed")
		gq, gn = gq + t:get("getq"), gn + t:get("gets")
		pq, pn = pq + t:get("postq"), pn + t:get("posts")
	end
	io.write(string.format("posted %d dup %d failed %d seconds %.3f\n",
	    p, d, f, summary.duration / 1e6))
	-- The statements each request ran (X-Sharek-Queries, outside
	-- production), on average.
	if gn > 0 and pn > 0 then
		io.write(string.format("statements get %.1f post %.1f\n",
		    gq / gn, pq / pn))
	end
end
