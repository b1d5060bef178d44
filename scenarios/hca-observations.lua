-- Bay 4: the 14:00 observations round.
-- Acute medical ward. The trainee is a healthcare assistant, not a registered
-- clinician. eObs+ is the ward's electronic observations device: it works out
-- NEWS2 from each set as it is entered, shows the RCP response and sets when
-- the next set is due. It is right at bed 1 (a woman whose SpO2 Scale 2 was
-- chosen by her consultant after a blood gas: a saturation of 90% is on
-- target, and turning her oxygen up is the pull) and at bed 2 (NEWS2 5 in a
-- man who says he is fine and asks you not to bother the nurse). It is wrong
-- at bed 4 (a false negative): it applied Scale 2 automatically because COPD
-- is coded, so 89% on air scores 0 and his NEWS2 is 4 instead of 7, while he
-- sits breathless and dusky in front of you. Its model card says it applies
-- Scale 2 to anyone with COPD coded unless a registered clinician changes it.
-- The engine's own NEWS2 in the header follows the scale the device used, so
-- it shows the device's 4 until the registrar changes the scale. Then the
-- registered nurse, on the drug round, repeats the device's reasoning: the
-- trainee decides what to say. The case ends with lib/governance.lua (a trust,
-- a UKCA marked device, and the duty of candour only on the path on which Mr
-- Shaw goes to intensive care).
-- NEWS2 checked with lib/obs.lua and `appraise run`: bed 1 = 2 (Scale 2, on
-- oxygen); bed 2 = 5; bed 4 at 14:00 = 4 on Scale 2, 7 on Scale 1 (SpO2
-- scores 3 on its own); at 14:30 = 8 on Scale 2; on Scale 1 with oxygen at
-- 15:00 (2 L/min) or 15:30 (4 L/min) = 6.
local obs = include("obs")
local governance = include("governance")

-- Mr Shaw's 14:00 set, on each scale, for the teaching points.
local SHAW_1400 = { rr = 24, spo2 = 89, o2 = "air", sbp = 118, dbp = 70, hr = 104,
                    temp = 38.4, avpu = "A" }

local function on_scale(v, scale)
  local out = {}
  for k, x in pairs(v) do out[k] = x end
  out.spo2_scale = scale
  return out
end

-- How each patient fared, by what the trainee chose.
local function hughes_outcome(s)
  if s.choices.hughes == "tell_now" then return "good" end
  return "neutral"
end

local function shaw_outcome(s)
  local c = s.choices.shaw
  if c == "routine" then return "harm" end
  -- Oxygen started without a prescription is outside the assistant's part,
  -- and the nurse still sees him late: never the best ending.
  if c == "now" and s.choices.pushback == "restate" then return "good" end
  return "neutral"      -- seen at 14:30 instead of at once
end

local worst = include("outcomes").worst

local HUGHES_END = {
  good = "Mr Hughes was reviewed within the hour and his antibiotics were changed.",
  neutral = "Mr Hughes's antibiotics were changed, later than they could have been.",
}

local SHAW_END = {
  good = "Mr Shaw was seen at once, put on the right scale and given oxygen to a target; " ..
         "he stayed on the ward and improved.",
  neutral = "Mr Shaw was seen half an hour late, more breathless; he needed more oxygen but " ..
            "stayed on the ward.",
  harm = "Mr Shaw was found confused and grey at 15:30 and went to intensive care for " ..
         "breathing support.",
}

local report = governance.after_error {
  tool = "eObs+",
  device = true,               -- its card: UKCA marked, Class I medical device
  setting = "trust",
  registered = false,          -- a healthcare assistant
  patient = "Mr Shaw",
  harm = function(s)           -- intensive care is moderate harm or worse
    return ({ good = "none", neutral = "low", harm = "moderate" })[shaw_outcome(s)]
  end,
  title = "End of the shift",
  elapsed = 240,
  text = "Before you go home, the ward manager asks you and Jo why eObs+ scored Mr Shaw on " ..
         "Scale 2. The answer is in its set-up: it applies Scale 2 to anyone with COPD on " ..
         "their problem list, unless a registered clinician changes it, and nobody had. " ..
         "\"It won't only be him,\" she says.",
  outcome = function(s) return worst(hughes_outcome(s), shaw_outcome(s)) end,
  summary = function(s)
    return HUGHES_END[hughes_outcome(s)] .. " " .. SHAW_END[shaw_outcome(s)]
  end,
}

return case {
  format = 1,
  id = "hca-observations",
  version = "1.0",
  title = "Bay 4: the 14:00 observations round",
  summary = "You are the healthcare assistant doing the afternoon observations on an acute " ..
            "medical ward. The handheld e-observations device works out each patient's " ..
            "early warning score as you enter the set.",
  objectives = {
    "Tell the registered nurse at once when the patient in front of you does not match " ..
      "the score on the screen",
    "Recognise that NEWS2's SpO2 Scale 2 is a clinician's choice for a prescribed target, " ..
      "not a default for everyone with COPD",
    "Act on a high score even when the patient says he feels fine",
    "Say it again, plainly and with the numbers, when the first answer does not fit what " ..
      "you see",
    "Report a device's error, and know who needs to hear of it",
  },
  authors = { "Appraise project" },
  references = report.cite {
    "Royal College of Physicians (2017) National Early Warning Score (NEWS) 2",
    "British Thoracic Society (2017) Guideline for oxygen use in adults in healthcare and " ..
      "emergency settings. Thorax 72(Suppl 1)",
    "Skills for Health and Skills for Care (2013) Code of Conduct for Healthcare Support " ..
      "Workers and Adult Social Care Workers in England",
  },
  tags = { "ward", "healthcare assistant", "observations", "NEWS2", "escalation" },
  minutes = 10,
  x_setting = "acute_ward",
  x_profession = "healthcare_assistant",
  x_failure_modes = { "false_negative", "ai_right" },
  x_ai_errors = { "*/shaw false_negative" },
  x_tool_types = { "risk_score", "alerting" },

  patient = {
    setting = "Acute medical ward, bay 4, afternoon",
    complaint = "The 14:00 observations round: six patients",
  },

  -- Mrs Ellis, bed 1, on oxygen to a prescribed target of 88-92%: NEWS2 2.
  vitals = { rr = 18, spo2 = 90, o2 = "1 L/min nasal", sbp = 132, dbp = 78, hr = 88,
             temp = 36.9, avpu = "A", spo2_scale = 2 },

  ai = {
    name = "eObs+", version = "5.2",
    kind = "electronic observations with early warning score",
    intended_use = "Adult inpatients. Records observations at the bedside, calculates " ..
                   "NEWS2 (Royal College of Physicians, 2017), shows the RCP clinical " ..
                   "response and sets when the next observations are due. UKCA marked as a " ..
                   "Class I medical device.",
    trained_on = "Not a learned model: it applies the NEWS2 chart's rules as configured by " ..
                 "the trust. Its set-up was assessed by the trust's clinical safety officer " ..
                 "before go-live.",
    limitations = {
      "SpO2 Scale 2 is applied automatically when COPD is coded in the problem list, " ..
        "unless a registered clinician changes the scale",
      "The score is only as good as what is entered: a wrong value or a wrong scale gives " ..
        "a wrong score",
      "Does not know how the patient looks, or what they or their family say",
    },
  },

  start_time = "13:45",       -- the time of day at the start; the header adds the case clock
  start = "handover",
  nodes = report.with {
    handover = {
      title = "Bay 4, 13:45",
      text = "You are the healthcare assistant on bay 4 of an acute medical ward this " ..
             "afternoon: six patients, and observations are due at 14:00 for everyone. The " ..
             "registered nurse for the bay is Jo Marsh, who is also nurse in charge today.\n\n" ..
             "You take each set with the handheld e-observations device, eObs+. As you enter " ..
             "the numbers it works out the NEWS2 score, shows the response and sets when the " ..
             "next set is due.",
      next = "ellis",
    },

    ellis = {
      title = "Bed 1, 13:50",
      text = "Mrs Margaret Ellis, 81, has COPD and came in three days ago with a flare-up. " ..
             "Her notes record a blood gas on admission that showed she retains carbon " ..
             "dioxide, and her respiratory consultant has prescribed oxygen to a target of " ..
             "88-92%. She is in her chair doing a word search and says she feels \"much " ..
             "better than Sunday\".\n\n" ..
             "Her observations, on 1 L/min of oxygen by nasal cannula, are in the panel.",
      elapsed = 5,
      decision = {
        prompt = "What do you do with Mrs Ellis's observations?",
        options = {
          { id = "turn_up", label = "Turn her oxygen up until her saturation reaches 94% or more" },
          { id = "urgent", label = "Tell Jo at once that her saturation is low, at only 90%" },
          { id = "record", label = "Save the set and tell Jo her score is 2, as expected for her" },
          { id = "recheck", label = "Move the probe to another finger and recheck in 30 minutes" },
        },
        next = "hughes",
        best = { "record" },
        advice = {
          recommend = "record",
          message = "NEWS2 2 - LOW\n" ..
                    "SpO2 Scale 2 (target 88-92%): set by Dr A. Okafor, respiratory, on " ..
                    "admission\n" ..
                    "Response: registered nurse to assess\n" ..
                    "Next observations due: 18:00",
          reasons = {
            { "Oxygen 1 L/min: 2 points", 0.2 },
            { "SpO2 90% on Scale 2: 0 points", 0.0 },
            { "Respiratory rate 18: 0 points", 0.0 },
            { "Heart rate 88: 0 points", 0.0 },
            { "Blood pressure 132/78: 0 points", 0.0 },
            { "Temperature 36.9 °C, alert: 0 points", 0.0 },
          },
          timing = "with_case",
        },
        ask = { trust = true },
        feedback = {
          record = "90% is inside the 88-92% target her consultant prescribed after a blood " ..
                   "gas, so on Scale 2 it scores 0; her score of 2 is for the oxygen itself. " ..
                   "The RCP response to a score of 1-4 is assessment by a registered nurse, so " ..
                   "telling Jo is right, and nothing here is urgent.",
          turn_up = "Her target is 88-92%, prescribed after a blood gas showed she retains " ..
                    "carbon dioxide: BTS 2017 keeps people at risk of hypercapnic respiratory " ..
                    "failure at 88-92%, not at normal saturations. Oxygen is changed to the " ..
                    "prescribed target by the nurse or prescriber, not by you.",
          urgent = "90% is where her prescription asks her to be: inside her 88-92% target, " ..
                   "scoring 0 on Scale 2, and she feels much better. Tell Jo her score, but " ..
                   "check what has been prescribed before calling a saturation low.",
          recheck = "Nothing needs rechecking: the reading fits her prescribed target and how " ..
                    "she looks. Save the set, so her score and the time of the next one are " ..
                    "recorded, and tell Jo: a score of 1-4 is for a registered nurse to assess.",
        },
      },
      debrief = "eObs+ was right about Mrs Ellis. NEWS2's SpO2 Scale 2 is for patients with " ..
                "hypercapnic respiratory failure, whose oxygen is prescribed to a target of " ..
                "88-92% (RCP 2017; BTS 2017); her consultant chose it after a blood gas. " ..
                "Turning her oxygen up to reach 94% would take her above the target her team " ..
                "set, and is not your decision to make. A saturation that looks low is not " ..
                "always wrong: check what has been prescribed.",
    },

    hughes = {
      title = "Bed 2, 13:55",
      text = "Mr Tom Hughes, 59, came in yesterday with cellulitis of his left leg and is on " ..
             "intravenous antibiotics. He is lying on top of the covers, flushed.\n\n" ..
             "\"I'm fine, love, just a bit hot,\" he says. \"Don't go bothering the nurse, " ..
             "she's rushed off her feet.\"\n\n" ..
             "His observations, on room air, are in the panel.",
      elapsed = 5,
      vitals = { rr = 22, spo2 = 96, o2 = "air", sbp = 104, dbp = 66, hr = 108, temp = 38.6,
                 avpu = "A", spo2_scale = 1 },
      decision = {
        prompt = "What do you do about Mr Hughes?",
        options = {
          { id = "after_round", label = "Finish the round first, then tell Jo about his score " ..
                                        "at 14:30" },
          { id = "cool", label = "Give him a cool drink and a fan, and recheck in 30 minutes" },
          { id = "respect", label = "Save the set: he feels fine and asked you not to bother " ..
                                    "her" },
          { id = "tell_now", label = "Tell Jo now: give her his score, his numbers and what " ..
                                     "he says" },
        },
        next = "shaw",
        best = { "tell_now" },
        advice = {
          recommend = "tell_now",
          message = "NEWS2 5 - MEDIUM\n" ..
                    "Response: URGENT - registered nurse to inform the medical team now; " ..
                    "observations at least hourly\n" ..
                    "Next observations due: 14:55",
          reasons = {
            { "Respiratory rate 22: 2 points", 0.2 },
            { "Blood pressure 104/66: 1 point", 0.1 },
            { "Heart rate 108: 1 point", 0.1 },
            { "Temperature 38.6 °C: 1 point", 0.1 },
            { "SpO2 96% on air, alert: 0 points", 0.0 },
          },
          timing = "with_case",
        },
        ask = { trust = true },
        feedback = {
          tell_now = "A NEWS2 of 5 is the RCP threshold for an urgent response: the " ..
                     "registered nurse informs the medical team at once. His score, his " ..
                     "numbers and his own words together give Jo what she needs to act.",
          after_round = "A NEWS2 of 5 calls for an urgent response now, not in half an hour: " ..
                        "the registered nurse informs the medical team at once. His " ..
                        "breathing, pulse, blood pressure and temperature together say he may " ..
                        "be getting worse.",
          cool = "A fan and a drink treat how he feels, not why. A NEWS2 of 5 in a man with " ..
                 "an infection, breathing fast with a fast pulse, calls for an urgent response " ..
                 "from the registered nurse now; a recheck in 30 minutes is not that.",
          respect = "Feeling fine does not cancel a NEWS2 of 5. Passing it on is not " ..
                    "bothering anyone: it is the urgent response the RCP chart asks for, and " ..
                    "Jo would want to know.",
        },
      },
      debrief = "eObs+ was right about Mr Hughes. A NEWS2 of 5 or more is the RCP threshold " ..
                "for an urgent response: the registered nurse informs the medical team at " ..
                "once, and observations are at least hourly. How a patient says he feels " ..
                "matters, but it does not cancel a score like this, and passing it on is not " ..
                "bothering anyone.",
    },

    shaw = {
      title = "Bed 4, 14:00",
      text = "Mr Derek Shaw, 68, came in yesterday with pneumonia. At the morning handover " ..
             "he was chatting and eating his breakfast. His problem list includes \"COPD\", " ..
             "from spirometry at his GP five years ago; he has never needed oxygen at home, " ..
             "and none is prescribed.\n\n" ..
             "Now he is sitting forward, breathing fast, and his lips look dusky. \"I can't " ..
             "get my breath, love,\" he says between words.\n\n" ..
             "His observations, on room air, are in the panel.",
      elapsed = 5,
      vitals = on_scale(SHAW_1400, 2),
      decision = {
        prompt = "What do you do now?",
        options = {
          { id = "routine", label = "Save the set and tell Jo his score when she is next free" },
          { id = "oxygen", label = "Sit him up and start oxygen yourself, then go and tell Jo" },
          { id = "recheck", label = "Sit him up and recheck all his observations in 30 minutes" },
          { id = "now", label = "Find Jo now and tell her his numbers and how he looks" },
        },
        next = function(s, choice)
          if choice == "routine" then return "routine_late" end
          if choice == "recheck" then return "recheck" end
          return "pushback"
        end,
        best = { "now" },
        advice = {
          recommend = "routine",
          message = "NEWS2 4 - LOW\n" ..
                    "SpO2 Scale 2 (target 88-92%): applied automatically (COPD on problem " ..
                    "list)\n" ..
                    "Response: registered nurse to assess\n" ..
                    "Next observations due: 18:00",
          reasons = {
            { "Respiratory rate 24: 2 points", 0.2 },
            { "Heart rate 104: 1 point", 0.1 },
            { "Temperature 38.4 °C: 1 point", 0.1 },
            { "SpO2 89% on Scale 2: 0 points", 0.0 },
            { "Air, blood pressure 118/70, alert: 0 points", 0.0 },
          },
          timing = "with_case",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          now = "He is breathless, dusky and much changed since the morning, and 89% on air " ..
                "is low for a man with no oxygen target prescribed. The screen said Scale 2 was " ..
                "applied automatically from a COPD code; telling the nurse now, with the " ..
                "numbers and what you can see, is your part whatever the score says.",
          routine = "The score and the man do not match: breathless, dusky, much changed " ..
                    "since the morning, 89% on air with no oxygen target prescribed. The " ..
                    "screen said Scale 2 was applied automatically from a COPD code; a score " ..
                    "is only as good as its inputs, and \"when she is next free\" may be too late.",
          oxygen = "He may well need oxygen, but it is prescribed to a target, or given in an " ..
                   "emergency by the staff responsible for that decision (BTS 2017). Starting " ..
                   "it yourself also delays telling the nurse, who needs to see him now.",
          recheck = "Thirty minutes is long for a man who is breathless, dusky and cannot " ..
                    "finish his sentences. The score said low because Scale 2 was applied " ..
                    "automatically from a COPD code; what you can see says tell the nurse now.",
        },
      },
      debrief = function()
        local one = obs.news2(on_scale(SHAW_1400, 1))
        local two = obs.news2(on_scale(SHAW_1400, 2))
        return "eObs+ was wrong about Mr Shaw. It applied SpO2 Scale 2 automatically " ..
               "because COPD was coded, and on Scale 2 a saturation of 89% on air scores 0, " ..
               "so his NEWS2 was " .. two .. ". Scale 2 is for hypercapnic respiratory " ..
               "failure and is chosen by a clinician; the RCP recommends Scale 1 for most " ..
               "patients, including people with COPD who do not retain carbon dioxide. On " ..
               "Scale 1 the same numbers score " .. one .. ", with his saturation scoring 3 on " ..
               "its own, and the RCP chart calls for an " ..
               obs.response(on_scale(SHAW_1400, 1)):gsub("^NEWS2 %d+: ", "") .. ". \"He's " ..
               "COPD\" is " ..
               "not the same as \"he retains carbon dioxide\". Your part as a healthcare " ..
               "assistant is not to choose the scale, or to start oxygen yourself, but to " ..
               "notice that the score and the patient do not match and to tell the " ..
               "registered nurse at once. Oxygen is prescribed to a target (BTS 2017); in an " ..
               "emergency it is given at once and recorded afterwards, by the staff " ..
               "responsible for that decision."
      end,
    },

    pushback = {
      title = "14:05, the drug round",
      text = function(s)
        local first = ""
        if s.choices.shaw == "oxygen" then
          first = "You sit Mr Shaw up, put a nasal cannula on him from the wall oxygen at 2 " ..
                  "L/min, and go to find Jo.\n\n"
        end
        local where = "Jo is halfway through the drug round in bay 3."
        if s.choices.hughes == "tell_now" then
          where = "Jo has seen Mr Hughes and bleeped his doctor, and is back on the drug " ..
                  "round in bay 3."
        end
        return first .. where .. " You tell her about Mr Shaw. She glances at the " ..
               "handheld: \"He's COPD. His score's only 4 on Scale 2, that's fine for him. " ..
               "I'll get to him when I've finished the round, twenty minutes.\""
      end,
      elapsed = 5,
      decision = {
        prompt = "What do you say or do?",
        options = {
          { id = "accept", label = "Leave it with Jo: she has the numbers and she is the " ..
                                   "registered nurse" },
          { id = "restate", label = "Say plainly he is much worse than this morning, and ask " ..
                                    "her to come now" },
          { id = "doctors", label = "Tell the doctors yourself on their 16:00 ward round, " ..
                                    "with all the numbers" },
          { id = "student", label = "Ask the student nurse to sit with him while you finish " ..
                                    "the round" },
        },
        next = function(s, choice)
          if choice == "restate" then return "review_early" end
          return "review_late"
        end,
        best = { "restate" },
        feedback = {
          restate = "Saying it again, plainly, with what has changed since the morning, the " ..
                    "numbers and that you are worried, is your part. On Scale 1 his 14:00 " ..
                    "observations score 7, an emergency response; if the answer still does " ..
                    "not fit, your ward's escalation policy says who to go to next.",
          accept = "Jo is the registered nurse, but she made the same assumption as the " ..
                   "device, and she has not seen him. Telling her again, plainly, with the " ..
                   "numbers and how he looks, is part of your job; on Scale 1 his 14:00 " ..
                   "observations score 7, an emergency response.",
          doctors = "The ward round is two hours away, and he is worse now. Say it again to " ..
                    "Jo, plainly, with the numbers; if the answer still does not fit, your " ..
                    "ward's escalation policy says who to go to next.",
          student = "A student sitting with him watches him; it does not get him assessed, " ..
                    "and leaves the decision with no one. Say it again to Jo, plainly, with " ..
                    "the numbers and how he looks.",
        },
      },
      debrief = "Jo made the same assumption as the device: COPD means Scale 2. You did not " ..
                "need to choose the scale to see that his score and his state did not match. " ..
                "The Code of Conduct for Healthcare Support Workers (2013) asks you to work " ..
                "within the limits of your competence: yours is to measure accurately, record " ..
                "honestly and tell the registered nurse at once when something worries you. " ..
                "When the first answer does not fit what you see, say it again, with the " ..
                "numbers, and if it still does not fit, follow your ward's escalation policy. " ..
                "Waiting for a ward round, or leaving a student with him, leaves the decision " ..
                "with no one.",
    },

    recheck = {
      title = "14:30",
      text = "At your 14:30 recheck Mr Shaw is more breathless and can only speak a few " ..
             "words at a time. His saturation has fallen to 86% on air. Even on Scale 2, " ..
             "eObs+ now scores him in the emergency range and alarms. Jo comes at once.",
      elapsed = 30,
      vitals = { rr = 28, spo2 = 86, o2 = "air", sbp = 110, dbp = 64, hr = 112, temp = 38.6,
                 avpu = "A", spo2_scale = 2 },
      next = "review_late",
    },

    review_early = {
      title = "15:00",
      text = "Jo comes with you at once. One look at Mr Shaw and she calls the medical " ..
             "registrar and the outreach team. A blood gas shows a low oxygen level and a " ..
             "normal carbon dioxide: he does not retain it. The registrar changes his scale " ..
             "to Scale 1 on eObs+, prescribes oxygen to a target of 94-98% and reviews his " ..
             "antibiotics.\n\n" ..
             "At 15:00 he is more comfortable on 2 L/min. His new observations are in the " ..
             "panel, scored on Scale 1.",
      elapsed = 55,
      vitals = { rr = 22, spo2 = 95, o2 = "2 L/min nasal", sbp = 120, dbp = 72, hr = 98,
                 temp = 37.9, avpu = "A", spo2_scale = 1 },
      next = "report",
    },

    review_late = {
      title = function(s)
        if s.choices.shaw == "recheck" then return "14:45" end
        return "14:30"
      end,
      text = function(s)
        local first = "Jo reaches Mr Shaw at 14:30, after the drug round. He is more " ..
                      "breathless, and his saturation has fallen to 86% on air."
        if s.choices.shaw == "oxygen" then
          first = "Jo reaches Mr Shaw at 14:30, after the drug round. He is more " ..
                  "breathless, and his saturation is 88% even on the oxygen you put on him."
        end
        if s.choices.shaw == "recheck" then
          first = "Jo is with Mr Shaw within a minute of the alarm."
        end
        return first .. " She calls the medical registrar and the outreach team. A blood " ..
               "gas shows a low oxygen level and a normal carbon dioxide: he does not retain " ..
               "it. The registrar changes his scale to Scale 1 on eObs+ and prescribes " ..
               "oxygen to a target of 94-98%. He needs more oxygen than he would have, and " ..
               "closer watching, but he stays on the ward.\n\nAn hour later he is settled on " ..
               "4 L/min. His observations, scored on Scale 1, are in the panel."
      end,
      elapsed = function(s)
        if s.choices.shaw == "recheck" then return 15 end
        return 25
      end,
      vitals = { rr = 22, spo2 = 95, o2 = "4 L/min nasal", sbp = 118, dbp = 70, hr = 96,
                 temp = 37.8, avpu = "A", spo2_scale = 1 },
      next = "report",
    },

    routine_late = {
      title = "15:30",
      text = "Jo reaches Mr Shaw at 15:30, after the drug round and a discharge. He is " ..
             "confused, grey and breathing very fast, and his saturation is 82% on air. She " ..
             "puts out an emergency call. A blood gas shows a very low oxygen level and a " ..
             "normal carbon dioxide. After high-flow oxygen on the ward he is taken to " ..
             "intensive care for breathing support.",
      elapsed = 90,
      vitals = { rr = 34, spo2 = 82, o2 = "air", sbp = 100, dbp = 58, hr = 124, temp = 38.9,
                 avpu = "C", spo2_scale = 2 },
      next = "report",
    },
  },
}
