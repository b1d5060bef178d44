-- Entry effects written as functions: each runs once, in the order of the
-- format (elapsed, vitals, results, set, on_enter).
return case {
  id = "runtime-effects", version = "1", title = "Effects", start = "a",
  vitals = { hr = 80 },
  nodes = {
    a = {
      text = function(s) return "calls " .. s.vars.calls end,
      elapsed = function(s) s.vars.calls = 1 return 7 end,
      vitals = function(s) s.vars.calls = s.vars.calls + 1 return { hr = 90 + s.clock } end,
      results = function(s) s.vars.calls = s.vars.calls + 1
        return { { name = "Hb", value = 120, unit = "g/L" } } end,
      set = function(s) s.vars.calls = s.vars.calls + 1 return { seen = true } end,
      on_enter = function(s) s.vars.calls = s.vars.calls + 1 end,
      next = "b",
    },
    b = { text = "", ending = { outcome = "good" } },
  },
}
