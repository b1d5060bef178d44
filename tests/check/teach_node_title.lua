-- Node titles that give the outcome away before the trainee chooses: a
-- decision's ('Missed fracture'), a narrative node's ('The AI gets it
-- wrong') and one that a function writes ('the AI was right'). An ending's
-- title may name the outcome: not said.
return case {
  id = "check-teach-node-title", version = "1", title = "A fall on the ice", start = "xray",
  nodes = {
    xray = {
      title = "Missed fracture",
      text = "The wrist film is read as normal by the AI.",
      decision = {
        options = {
          { id = "look", label = "Look again", next = "second" },
          { id = "home", label = "Send home", next = "back" },
        },
        best = { "look" },
        advice = { recommend = "home", message = "No fracture seen." },
        feedback = "Looking again was right.",
      },
      debrief = "The scaphoid line is faint.",
    },
    second = {
      title = "The AI gets it wrong",
      text = "You look again.",
      next = "cast",
    },
    cast = {
      title = function(s) return "Where the AI was right" end,
      text = "Cast or not?",
      decision = {
        options = {
          { id = "cast", label = "Cast", next = "healed" },
          { id = "none", label = "No cast", next = "back" },
        },
        best = { "cast" },
        advice = { recommend = "cast", message = "Cast it." },
        feedback = "A cast was right.",
      },
      debrief = "Scaphoid fractures need a cast.",
    },
    healed = { title = "Fracture caught", text = "", ending = { outcome = "good" } },
    back = { title = "Missed fracture", text = "", ending = { outcome = "harm" } },
  },
}
