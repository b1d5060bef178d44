-- A case for the map's tests whose options, best options and an ending's
-- outcome are functions of the variant: only playing it shows them.
return case {
  id = "cli-graph-dynamic",
  version = "1.0",
  title = "Decided in play",
  variants = { "vx", "vy" },
  ai = { name = "DynScore" },
  start = "a",
  nodes = {
    a = {
      text = "",
      decision = {
        options = function(s)
          return { { id = "p", label = "P in " .. s.variant, next = "b" },
                   { id = "q", label = "Q", next = "c" } }
        end,
        best = function(s) if s.variant == "vx" then return { "p" } end return { "q" } end,
        advice = { recommend = "p" },
      },
      debrief = "Depends.",
    },
    b = { text = "", ending = function(s)
      if s.variant == "vx" then return { outcome = "good" } end
      return { outcome = "harm" }
    end },
    c = { text = "", ending = { outcome = "neutral" } },
  },
}
