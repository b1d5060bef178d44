-- scenarios/examples/recipe-deteriorating.lua
-- Recipe: deteriorating vitals. Each node may move the clock on (elapsed,
-- in minutes) and change the vitals (vitals = { ... } is merged into what
-- the trainee already sees). The engine computes NEWS2 from them. Here the
-- later observations depend on the earlier choice, set by an on_enter
-- function that reads s.choices. start_time is the time of day when the
-- case starts: the header shows it plus the clock (14:00 at the round).
local better = { hr = 96, sbp = 112, dbp = 66, rr = 18, spo2 = 96, temp = 37.6 }
local worse = { hr = 128, sbp = 88, dbp = 50, rr = 28, spo2 = 91, temp = 38.9, avpu = "C" }

return case {
  id = "example-deteriorating",
  version = "1.0",
  title = "Day 2 after a hip replacement: the numbers drift",
  summary = "Ward observations that worsen while a deterioration score stays calm.",
  objectives = { "Act on the NEWS2 trend, not only on a single score",
                 "Use the RCP NEWS2 response thresholds" },
  references = { "Royal College of Physicians (2017) National Early Warning Score (NEWS) 2" },
  tags = { "example", "ward", "nursing", "deterioration" },
  minutes = 5,

  start_time = "10:00",

  patient = { age = 79, sex = "M", setting = "Orthopaedic ward",
              complaint = "Day 2 after a left hip replacement" },
  vitals = { hr = 92, sbp = 118, dbp = 70, rr = 18, spo2 = 96, temp = 37.4, avpu = "A" },

  ai = { name = "WardWatch", version = "3.2", kind = "deterioration score",
         limitations = { "Scores the last full set of observations; gaps lower the score" } },

  start = "round",
  nodes = {
    round = {
      title = "Afternoon observations",
      text = "Mr Evans says he feels 'washed out'. At 10:00 his NEWS2 was 1; his 14:00 " ..
             "observations are in.",
      elapsed = 240,
      vitals = { hr = 106, sbp = 104, rr = 22, spo2 = 95, temp = 38.2 },  -- NEWS2 now 6
      decision = {
        prompt = "What do you do?",
        options = {
          { id = "escalate", label = "Urgent review by the ward doctor; hourly observations" },
          { id = "routine", label = "Continue 4-hourly observations" },
        },
        next = "later",                         -- one target for every option
        best = { "escalate" },
        advice = { recommend = "routine", confidence = 0.72,
                   message = "Deterioration risk LOW (4% in 24 h).", timing = "with_case" },
        ask = { trust = true },
        feedback = {
          escalate = "NEWS2 rose from 1 to 6. A score of 5 or 6 calls for an urgent " ..
                     "response (RCP): the medical team told at once, an urgent review, and " ..
                     "observations at least hourly.",
          routine = "NEWS2 rose from 1 to 6, and 4-hourly observations are for a score of " ..
                    "1 to 4. A score of 5 or 6 calls for an urgent response (RCP): the " ..
                    "medical team told at once, an urgent review, and observations at least " ..
                    "hourly.",
        },
      },
      debrief = "NEWS2 rose from 1 to 6: the RCP response is an urgent review. WardWatch " ..
                "had not yet seen the new set.",
    },

    later = {
      title = "18:00",
      text = function(s)
        if s.choices.round == "escalate" then
          return "Antibiotics for a urinary infection were started at 15:00."
        end
        return "At the 18:00 observations he is confused and clammy."
      end,
      elapsed = 240,
      on_enter = function(s)
        local v = s.choices.round == "escalate" and better or worse
        for key, value in pairs(v) do s.vitals[key] = value end
        if s.choices.round == "routine" then
          s.reveal { name = "Lactate", value = 4.6, unit = "mmol/L", flag = "high" }
        end
      end,
      next = function(s)                        -- only the path that waited goes on
        if s.choices.round == "escalate" then return "settled" end
        return "evening"
      end,
    },

    evening = {
      title = "18:00, the new score",
      text = "WardWatch has scored the 18:00 set.",
      decision = {
        prompt = "Now?",
        options = {
          { id = "emergency", label = "Emergency response: call the outreach team",
            next = "outreach" },
          { id = "recheck", label = "Recheck the observations in an hour", next = "arrest" },
        },
        best = { "emergency" },
        advice = { recommend = "emergency", confidence = 0.90,
                   message = "Deterioration risk HIGH. Escalate.", timing = "with_case" },
        feedback = {
          emergency = "NEWS2 is now 15, with new confusion, a systolic of 88 and a lactate " ..
                      "of 4.6. A score of 7 or more calls for an emergency response by a " ..
                      "team with critical care skills (RCP).",
          recheck = "An hour is too long: NEWS2 is now 15, with new confusion, a systolic " ..
                    "of 88 and a lactate of 4.6. A score of 7 or more calls for an emergency " ..
                    "response by a team with critical care skills, now (RCP).",
        },
      },
      debrief = "By 18:00 WardWatch was right. A NEWS2 of 7 or more calls for an " ..
                "emergency response whatever came before.",
    },

    settled = { text = "By the evening round he is eating, and his observations have settled.",
                elapsed = 60,
                ending = { outcome = "good", summary = "Treated from 15:00; recovered." } },
    outreach = { text = "The outreach team takes over.", elapsed = 30,
                 ending = { outcome = "good", summary = "Treated on the ward; recovered." } },
    arrest = { text = "At 19:00 he is unresponsive.", elapsed = 60,
               ending = { outcome = "harm", summary = "Septic shock; admitted to ICU." } },
  },
}
