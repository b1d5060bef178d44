-- An elapsed function that returns NaN, an infinity or too many minutes must
-- end the session with this file's line, before the clock uses the value.
return case {
  id = "elapsed-nan", version = "1", title = "Elapsed", start = "a",
  variants = { "nan", "inf", "huge" },
  nodes = {
    a = { text = "", next = "b" },
    b = { text = "",
          elapsed = function(s)
            if s.variant == "nan" then return 0 / 0 end
            if s.variant == "inf" then return math.huge end
            return 1e300
          end,
          ending = { outcome = "good" } },
  },
}
