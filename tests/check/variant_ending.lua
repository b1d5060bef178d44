-- An ending only one variant can reach: a next function picks by variant.
return case {
  id = "check-variant-ending", version = "1", title = "Two endings", start = "pick",
  variants = { "left", "right" },
  nodes = {
    pick = {
      text = "Pick one.",
      decision = {
        options = {
          { id = "go", label = "Go", next = function(s, choice)
              if s.variant == "left" then return "left_end" end
              return "common_end"
            end },
          { id = "stay", label = "Stay", next = "common_end" },
        },
      },
    },
    left_end = { text = "", ending = { outcome = "neutral" } },
    common_end = { text = "", ending = { outcome = "good" } },
  },
}
