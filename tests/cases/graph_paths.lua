-- A case for the map's tests whose best option and recommendation at the
-- second decision depend on the first choice (s.choices), not on a variant:
-- only walking every path shows where each holds.
return case {
  id = "cli-graph-paths",
  version = "1.0",
  title = "Advice that depends on the path",
  ai = { name = "PathScore" },
  start = "first",
  nodes = {
    first = {
      text = "First look.",
      decision = {
        options = {
          { id = "bloods", label = "Send bloods", next = "second" },
          { id = "scan", label = "Scan first", next = "second" },
        },
        best = { "bloods" },
        advice = { recommend = "bloods", message = "Bloods first." },
      },
      debrief = "Bloods first.",
    },
    second = {
      text = "Results are back.",
      decision = {
        options = {
          { id = "treat", label = "Treat", next = "good_end" },
          { id = "watch", label = "Watch", next = "neutral_end" },
        },
        best = function(s)
          if s.choices.first == "bloods" then return { "treat" } end
          return { "watch" }
        end,
        advice = {
          recommend = function(s)
            if s.choices.first == "bloods" then return "treat" end
            return "watch"
          end,
          message = "Treat.",
        },
      },
      debrief = "It depends on what was sent first.",
    },
    good_end = { text = "", ending = { outcome = "good", summary = "Treated in time." } },
    neutral_end = { text = "", ending = { outcome = "neutral", summary = "Watched." } },
  },
}
