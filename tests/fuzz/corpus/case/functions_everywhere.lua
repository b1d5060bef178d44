-- Play-time functions: text, next, elapsed, on_enter, on_timeout, advice.
local n = 0
return case {
  id = "fns", version = "1", title = "Functions", start = "a",
  vitals = { hr = 80, sbp = 120, rr = 16, spo2 = 97, temp = 36.8, avpu = "A" },
  nodes = {
    a = { text = function(s) n = n + 1; return "seen " .. n end,
          on_enter = function(s) s.vars.k = (s.vars.k or 0) + 1 end,
          elapsed = function(s) return 3 end,
          decision = {
            time_limit = 5, on_timeout = "c",
            options = { { id = "x", label = "X", next = function(s, c) return "b" end },
                        { id = "y", label = "Y", next = "c" } },
            best = { "x" },
            advice = { recommend = function(s) return "y" end, confidence = 0.9, timing = "on_request" },
            ask = { trust = true, confidence = true, rationale = "always" } } },
    b = { text = "", next = function(s) return s.vars.k > 1 and "c" or "a" end },
    c = { text = string.rep("w ", 50), ending = { outcome = "harm" } },
  },
}
