-- A case for the map's tests: every node kind, every outcome, best options,
-- a recommendation that depends on the variant, a time-out, a next function,
-- a node no path reaches, and labels that need escaping in DOT.
return case {
  id = "cli-graph-marks",
  version = "1.0",
  title = "Map \"test\" case & friends",
  variants = { "ai_right", "ai_wrong" },
  ai = { name = "MarkScore", version = "1" },
  start = "intro",
  nodes = {
    intro = { title = "The intro", text = "Start.", next = "choice" },
    choice = {
      text = "Choose.",
      decision = {
        options = {
          { id = "treat", label = "Treat \"now\" & watch\\closely", next = "good_end" },
          { id = "wait", label = "Wait\nan hour\xff", next = "router" },
          { id = "refer", label = "Refer to a senior colleague for a second opinion before acting",
            next = "neutral_end" },
        },
        best = { "treat", "refer" },
        advice = {
          recommend = function(s) if s.variant == "ai_right" then return "treat" end return "wait" end,
          message = "Advice.",
        },
        time_limit = 45,
        on_timeout = "bad_end",
      },
      debrief = "Treat.",
    },
    router = {
      text = "Later.",
      next = function(s) if s.variant == "ai_right" then return "neutral_end" end return "bad_end" end,
    },
    orphan = { text = "No path comes here.", next = "good_end" },
    good_end = { text = "", ending = { outcome = "good", summary = "Well." } },
    neutral_end = { text = "", ending = { outcome = "neutral", summary = "So-so." } },
    bad_end = { text = "", ending = { outcome = "harm", summary = "Harm." } },
  },
}
