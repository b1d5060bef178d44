-- State kept in an upvalue, not in s: the second play of a path differs
-- from the first (the spec does not support it; check says so).
local calls = 0
return case {
  id = "check-upvalue", version = "1", title = "Upvalue", start = "a",
  nodes = {
    a = {
      text = "A.",
      decision = {
        options = {
          { id = "x", label = "X", next = function(s, choice)
              calls = calls + 1
              if calls == 1 then return "b" end
              return "done"
            end },
        },
      },
    },
    b = {
      text = function(s) return "B." end,
      decision = { options = { { id = "y", label = "Y", next = "done" },
                               { id = "z", label = "Z", next = "done" } } },
    },
    done = { text = "", ending = { outcome = "good" } },
  },
}
