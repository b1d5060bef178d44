-- A state that holds one big string many times: 60 references to an 8 MiB
-- string in s.vars. The walk compares states after every decision; it must
-- not copy the string for each reference (that made a 480 MB state key).
-- Three decision states: d1, then d2 with k = 1 or k = 2; four paths.
return case {
  id = "walk-big-strings", version = "1", title = "Big strings", start = "d1",
  nodes = {
    d1 = {
      text = "Pick one.",
      on_enter = function(s)
        local big = ("x"):rep(8 * 1024 * 1024)
        for i = 1, 60 do s.vars["copy" .. i] = big end
      end,
      decision = { options = {
        { id = "a", label = "A", next = function(s) s.vars.k = 1 return "d2" end },
        { id = "b", label = "B", next = function(s) s.vars.k = 2 return "d2" end },
      } },
    },
    d2 = {
      text = function(s) return "k = " .. s.vars.k .. ", " .. #s.vars.copy60 .. " bytes" end,
      decision = { options = {
        { id = "on", label = "On", next = "done" },
        { id = "off", label = "Off", next = "done" },
      } },
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
