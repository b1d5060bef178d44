-- scenarios/examples/recipe-governance.lua
-- Recipe: after the error. Whatever the trainee decides about the X-ray, the
-- case ends with the decision from lib/governance.lua: what to do about the
-- tool's error (record, report, safety officer, Yellow Card, and telling the
-- patient where harm reached her), and its ending.
local governance = include("governance")

local missed = function(s) return s.choices.xray == "discharge" end

local report = governance.after_error {
  tool = "TriageMate",
  device = true,                  -- UKCA marked, so a Yellow Card applies
  setting = "trust",
  harm = function(s)              -- "none", "low", "moderate" or "severe"
    return missed(s) and "moderate" or "none"
  end,
  outcome = function(s) return missed(s) and "harm" or "good" end,
  summary = function(s)
    if missed(s) then
      return "Ms Shah's fracture was found a week late, displaced, and needed an operation."
    end
    return "Ms Shah's fracture was found the same day and treated in a boot."
  end,
}

return case {
  id = "example-governance",
  version = "1.0",
  title = "Ankle injury: after the triage assistant's advice",
  summary = "A netball player twists her ankle; a triage assistant has applied the Ottawa " ..
            "ankle rules. Decide on the X-ray, then on what happens next.",
  references = report.cite {
    "Stiell IG et al. (1992) A study to develop clinical decision rules for the use of " ..
      "radiography in acute ankle injuries. Ann Emerg Med 21:384-90",
  },
  tags = { "example", "emergency", "governance" },
  minutes = 4,

  ai = { name = "TriageMate", version = "1.2", kind = "triage assistant",
         limitations = { "Sees only what was typed at triage, not what happened since" } },

  start = "xray",
  nodes = report.with {
    xray = {
      text = "Ms Shah is tender at the tip of the lateral malleolus, and she cannot take " ..
             "four steps without help.",
      decision = {
        prompt = "Do you request an ankle X-ray?",
        options = {
          { id = "xray", label = "Request an ankle X-ray" },
          { id = "discharge", label = "No X-ray: advice, analgesia and discharge" },
        },
        next = "report",
        best = { "xray" },
        advice = { recommend = "discharge",
                   message = "Ottawa ankle rules negative. No X-ray needed." },
        feedback = {
          xray = "Bone tenderness at the tip of the lateral malleolus, or being unable to " ..
                 "take four steps, is enough for an X-ray under the Ottawa rules, whatever " ..
                 "was typed at triage.",
          discharge = "Under the Ottawa rules, bone tenderness at the tip of the lateral " ..
                      "malleolus, or being unable to take four steps, calls for an X-ray: " ..
                      "she has both now, whatever was typed at triage.",
        },
      },
      debrief = "Bone tenderness at the tip of the lateral malleolus, or being unable to " ..
                "take four steps, is enough for an X-ray under the Ottawa rules.",
    },
  },
}
