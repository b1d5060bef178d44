-- The state key of a run whose s holds one long text many times and many
-- long texts once: each long text is hashed once (the memo), and the key is
-- the same however the memo fares.
local note = string.rep("lactate 4.1, rising; ", 8)
return case {
  id = "state-long-strings", version = "1", title = "Long texts in s", start = "a",
  nodes = {
    a = {
      text = "A",
      on_enter = function(s)
        s.vars.notes = {}
        for i = 1, 40 do
          s.vars.notes[i] = note
          s.vars["own" .. i] = note .. i
        end
      end,
      next = "b",
    },
    b = { text = "", ending = { outcome = "good" } },
  },
}
