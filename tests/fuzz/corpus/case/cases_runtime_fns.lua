-- Runtime behaviour: function values, s state, next functions and errors.
return case {
  id = "runtime-fns", version = "1", title = "Runtime", start = "a",
  variants = { "v1", "v2" },
  vitals = { hr = 80, rr = 14, spo2 = 98, sbp = 130, temp = 37.0, avpu = "A" },
  nodes = {
    a = {
      text = function(s) return "variant " .. tostring(s.variant) .. " r=" .. s.random(1, 1000) end,
      set = { count = 1 },
      on_enter = function(s) s.vitals.hr = 150; s.reveal{ name = "K", value = 4.1, unit = "mmol/L" } end,
      decision = {
        prompt = function(s) return "count " .. s.vars.count end,
        options = {
          { id = "good", label = "Good", next = function(s, choice) return "b_" .. choice end },
          { id = "none", label = "Returns nothing", next = function(s, choice) return nil end },
          { id = "bad", label = "Unknown node", next = function(s, choice)
              return "nowhere" end },
          { id = "boom", label = "Errors", next = "boom" },
          { id = "loop", label = "Loops", next = "loop" },
          { id = "dynbad", label = "Bad dynamic", next = "dynbad" },
        },
        best = { "good" },
        advice = { recommend = function(s) if s.variant == "v1" then return "good" end return "bad" end },
        time_limit = 10,
        on_timeout = function(s) return "b_good" end,
      },
    },
    b_good = { text = function(s) return "chose " .. s.choices.a end, elapsed = 3, next = "end" },
    boom = { text = "", on_enter = function(s)
        local t = nil
        return t.x
      end, next = "end" },
    loop = { text = function(s) while true do end end, next = "end" },
    dynbad = { text = "", decision = { options = { { id = "o", label = "O", next = "end" } },
               best = { "o" }, advice = { recommend = function(s) return "zzz" end } } },
    ["end"] = { text = "", ending = { outcome = "good" } },
  },
}
