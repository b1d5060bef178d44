-- New confusion at 02:00: a deterioration score that had not seen her.
-- Acute ward nursing. In "ai_wrong" the deterioration index stays quiet at
-- the first decision (a false negative that invites an omission: it is
-- still working from observations charted four hours ago); in "ai_right" it
-- has recalculated and alerts. Both variants alert at the second decision,
-- which has a time limit. In "ai_right" the AI is right at every advised
-- decision, so the case can open the teaching path in that variant.
local models = include("models")
local obs = include("obs")
local variants = include("variants")

-- Observations at the second decision depend on what was done at the first.
-- The clock reaches 03:30, 03:00 or 04:00 by the narrative nodes on the way.
local later = {
  escalate = { hr = 116, sbp = 98, dbp = 56, rr = 24, spo2 = 94, temp = 38.6, avpu = "C" },
  hourly = { hr = 120, sbp = 96, dbp = 54, rr = 25, spo2 = 94, temp = 38.7, avpu = "C" },
  routine = { hr = 126, sbp = 88, dbp = 48, rr = 27, spo2 = 93, temp = 38.9, avpu = "V" },
}

local function later_vitals(s)
  for key, value in pairs(later[s.choices.night_obs]) do s.vitals[key] = value end
end

-- Feedback at the 02:00 decision: the clinical reasoning for each choice,
-- then what the index's advice rested on (the variant decides which).
-- Facts: RCP NEWS2 chart 4 (a single parameter scoring 3), NICE NG253,
-- NICE QS63 (family involved in spotting changes in behaviour); see
-- docs/clinical-checks/feedback-round.md.
local function night_obs_feedback(s)
  local index
  if s.variant == "ai_wrong" then
    index = " WardWatch's quiet score was still built on the 22:00 observations, as its " ..
            "first reason shows: it had not yet seen the confusion, so its silence said " ..
            "nothing about her now."
  else
    index = " WardWatch had rescored with the 02:00 set, but the decision did not need it: " ..
            "her observations and the story already made the case."
  end
  local story = "fever, a pulse up from 84 to 104, 90 mL of urine in four hours and no " ..
                "flatus two days after an anastomosis"
  return {
    escalate = "New confusion scores 3 on its own, and the RCP asks for an urgent review " ..
               "when any single parameter scores 3: the nurse informs the medical team, " ..
               "who decide on escalation, with observations at least hourly. With " .. story ..
               ", think of sepsis from a leak (NICE NG253)." .. index,
    hourly = "Hourly observations are half of the RCP's response to a single parameter " ..
             "scoring 3; the other half is telling the medical team now, and rechecking " ..
             "first only delays that. New confusion with " .. story .. " points to sepsis " ..
             "from a leak (NICE NG253)." .. index,
    routine = "Calling it post-operative delirium does not end the search for its cause, " ..
              "and here the cause looks like sepsis from a leak: " .. story .. " (NICE " ..
              "NG253). New confusion scores 3 on its own, which calls for an urgent medical " ..
              "review, and her daughter's \"not herself\" counts too." .. index,
  }
end

-- Feedback at the timed decision (the index is right on every path).
local function later_feedback(s)
  local news = "Her NEWS2 is now " .. obs.news2(s.vitals) .. ": at 7 or more the RCP asks " ..
               "for an emergency response, with the medical team informed at once at " ..
               "registrar level and assessment by a team with critical care competencies. "
  local alert = " The alert was right, and it said nothing the chart did not already show."
  local sign = "a spreading tender abdomen"
  if s.choices.night_obs == "routine" then sign = "mottled knees and a falling conscious level" end
  return {
    emergency = news .. "With " .. sign .. ", a likely leak needs a surgeon who can arrange " ..
                "source control, and outreach to support her until then." .. alert,
    bleep_fy1 = news .. "Waiting for a busy FY1 on another floor adds a step between her " ..
                "and the registrar who can arrange source control of a likely leak." .. alert,
    recheck = news .. "A recheck in 30 minutes only confirms what the chart already says, " ..
              "and delays source control of a likely leak." .. alert,
  }
end

return case {
  format = 1,
  id = "ward-deterioration",
  version = "1.1",
  title = "New confusion in the night, two days after surgery",
  summary = "On a surgical ward at night, a woman two days after bowel surgery is newly " ..
            "confused. The ward's deterioration score has its say; you decide whether to " ..
            "wake the doctor.",
  objectives = {
    "Apply the RCP NEWS2 response to a single parameter scoring 3 (new confusion)",
    "Consider sepsis and anastomotic leak in new confusion after bowel surgery",
    "Check what data a risk score has seen before trusting its silence",
    "Escalate a NEWS2 of 7 or more as an emergency, whatever else is happening",
  },
  authors = { "Appraise project" },
  references = {
    "Royal College of Physicians (2017) National Early Warning Score (NEWS) 2: chart 4, " ..
      "clinical response to NEWS2 trigger thresholds",
    -- NG253's scope, number and year are checked; the exact title on nice.org.uk is not.
    "NICE NG253 (2025) Suspected sepsis in people aged 16 or over who are not pregnant: " ..
      "recognition, diagnosis and early management",
    "NICE CG50 (2007, updated 2019) Acutely ill adults in hospital: recognising and " ..
      "responding to deterioration",
    "NHS England (2024) Martha's Rule: 24/7 rapid review by the critical care outreach " ..
      "team on request from patients, families and staff",
  },
  tags = { "ward", "nursing", "deterioration", "time-limit" },
  minutes = 10,
  variants = { "ai_right", "ai_wrong" },
  x_setting = "acute_ward",
  x_profession = "nurse",
  x_tool_types = { "risk_score" },
  x_failure_modes = { "false_negative" },
  x_ai_errors = { "ai_wrong/night_obs false_negative" },

  patient = {
    name = "Irene Walsh", age = 72, sex = "F",
    setting = "General surgical ward, night shift",
    complaint = "Day 2 after laparoscopic anterior resection; new confusion",
    history = { "Sigmoid adenocarcinoma: laparoscopic anterior resection 2 days ago",
                "Hypertension", "Osteoarthritis of both knees" },
    medications = { "Paracetamol 1 g four times daily", "Enoxaparin 40 mg subcutaneously daily",
                    "Oxycodone 5 mg orally up to 4-hourly as needed (last dose 18:00)",
                    "Amlodipine 5 mg once daily" },
    allergies = { "No known drug allergies" },
  },

  -- The 02:00 set, just taken. At 22:00 she was HR 84, BP 128/74, RR 16,
  -- SpO2 96% on air, 37.4 °C, alert (NEWS2 0).
  vitals = { hr = 104, sbp = 112, dbp = 66, rr = 20, spo2 = 96, temp = 38.0,
             avpu = "C", o2 = "air", pain = 5 },

  results = {
    { name = "Observations at 22:00", value = "HR 84, BP 128/74, RR 16, SpO2 96% air, " ..
                                              "37.4 °C, alert; NEWS2 0" },
  },

  ai = models.card("deterioration"),

  start_time = "02:00",       -- the time of day at the start; the header adds the case clock
  start = "round",
  nodes = {
    round = {
      title = "Bay 3, bed 2",
      text = "You are the registered nurse in charge of bay 3 tonight. At the 02:00 round " ..
             "Mrs Walsh is awake, picking at her cannula and asking where her husband " ..
             "is; he died six years ago. Her daughter, who is staying late, says: " ..
             "\"She's not herself. She was doing the crossword this afternoon.\"\n\n" ..
             "Her abdomen is sore around the port sites; she has passed no flatus since " ..
             "yesterday evening. Her catheter bag holds 90 mL since 22:00.",
      next = "night_obs",
    },

    night_obs = {
      title = "The 02:00 observations",
      text = function(s)
        local total = obs.news2(s.vitals)
        return "You enter the 02:00 observations into the electronic chart. Her NEWS2 is " ..
               total .. ", and new confusion scores 3 on its own. The WardWatch panel at " ..
               "the nurses' station shows her index."
      end,
      elapsed = 5,
      decision = {
        prompt = "What do you do now?",
        options = {
          { id = "hourly", label = "Increase observations to hourly and recheck before " ..
                                   "calling anyone", next = "later" },
          { id = "escalate", label = "Call the on-call doctor now for an urgent review, " ..
                                     "and start hourly observations", next = "review" },
          { id = "routine", label = "Reorientate her, offer a drink and continue 4-hourly " ..
                                    "observations: likely post-operative delirium",
            next = "settled" },
        },
        best = { "escalate" },
        advice = variants.advice({ confidence = nil, timing = "after_initial" }, {
          ai_right = {
            recommend = "escalate",
            message = "ALERT - deterioration index 64 (threshold 60), up from 18 at 22:00. " ..
                      "Clinical review suggested.",
            reasons = {
              { "New confusion charted 02:00", 0.31 },
              { "Heart rate 84 → 104 /min", 0.22 },
              { "Temperature 38.0 °C", 0.09 },
              { "Day 2 after bowel surgery", 0.08 },
              { "Urine output not charted", 0.00 },
            },
          },
          ai_wrong = {
            recommend = "routine",
            message = "No alert - deterioration index 21 (threshold 60). Continue routine " ..
                      "observations.",
            reasons = {
              { "Observations charted 22:00: all in normal range", -0.34 },
              { "Day 2 after bowel surgery", 0.08 },
              { "Age 72", 0.06 },
              { "Urine output not charted", 0.00 },
            },
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = night_obs_feedback,
      },
      debrief = function(s)
        local total = obs.news2({ hr = 104, sbp = 112, rr = 20, spo2 = 96, temp = 38.0,
                                  avpu = "C" })
        local why
        if s.variant == "ai_wrong" then
          why = "The index stayed quiet, and it was wrong: its explanation shows it " ..
                "was still scoring the 22:00 observations, because it recalculates " ..
                "on the hour from what has been charted. A quiet score says only that the " ..
                "data it has seen look well."
        else
          why = "The index alerted, and it was right, but the decision did not need " ..
                "it: the observations in front of you already called for escalation."
        end
        return why .. " The careful cue was the patient: new confusion scores 3 on its " ..
               "own, and with a heart rate of 104 her NEWS2 was " .. total .. ". The RCP " ..
               "chart asks for an urgent ward-based response to any single parameter " ..
               "scoring 3 - inform the medical team, who decide on escalation - with " ..
               "observations at least hourly. New confusion, fever, tachycardia, low urine " ..
               "output and no flatus two days after an anastomosis should raise sepsis from " ..
               "a leak (NICE NG253). And her daughter's worry counts: NICE asks you to " ..
               "pay particular attention to a family's concern about a change from usual " ..
               "behaviour, and under Martha's Rule (NHS England, 2024) patients, families " ..
               "and staff can ask the critical care outreach team for a rapid review at " ..
               "any hour. Hourly observations alone delay the review."
      end,
    },

    settled = {
      title = "Reorientated",
      text = "You sit with Mrs Walsh, explain where she is and offer her a drink. She " ..
             "settles for a while and her daughter goes home to sleep.",
      elapsed = 60,
      next = "later",
    },

    review = {
      title = "The FY1 reviews",
      text = "The FY1 doctor comes within 20 minutes, agrees she may be septic and starts " ..
             "the sepsis pathway: blood cultures, lactate and bloods, intravenous " ..
             "antibiotics as the trust's intra-abdominal guideline sets out, a " ..
             "crystalloid fluid bolus and hourly urine output. The surgical registrar is in " ..
             "theatre with an emergency and will come when free.",
      elapsed = 30,
      results = obs.join(obs.lactate(2.8), obs.fbc { sex = "F", hb = 108, wbc = 15.8, plt = 412 },
                         obs.crp(214),
                         obs.ue { sex = "F", na = 136, k = 4.6, urea = 9.1, creat = 118,
                                  egfr = 40 }),
      next = "later",
    },

    later = {
      title = function(s)
        return s.choices.night_obs == "escalate" and "03:30" or
               (s.choices.night_obs == "hourly" and "03:00" or "04:00")
      end,
      text = function(s)
        local intro
        if s.choices.night_obs == "escalate" then
          intro = "An hour after the antibiotics and fluid, Mrs Walsh is worse. Her " ..
                  "abdomen is now tender across the lower half."
        elseif s.choices.night_obs == "hourly" then
          intro = "At the 03:00 recheck Mrs Walsh is more confused and her abdomen is " ..
                  "tender across the lower half. No doctor has seen her yet."
        else
          intro = "At 04:00 the healthcare assistant asks you to come: Mrs Walsh is " ..
                  "hard to rouse and mottled at the knees. No doctor has seen her yet."
        end
        return intro .. " Her NEWS2 is now " .. obs.news2(s.vitals) .. ". WardWatch has " ..
               "recalculated from the new observations and is alerting on the ward " ..
               "screen.\n\nThe FY1 is with another patient on a different floor."
      end,
      elapsed = 55,
      on_enter = later_vitals,
      decision = {
        prompt = "What do you do now?",
        options = {
          { id = "recheck", label = "Recheck her observations in 30 minutes and tell the " ..
                                    "FY1 the result" },
          { id = "bleep_fy1", label = "Bleep the FY1 again and ask them to come as soon " ..
                                      "as they are free" },
          { id = "emergency", label = "Call the surgical registrar and critical care " ..
                                      "outreach to see her now" },
        },
        next = function(s, choice)
          if choice ~= "emergency" then return "delayed" end
          return s.choices.night_obs == "escalate" and "theatre_early" or "theatre_late"
        end,
        best = { "emergency" },
        advice = {
          recommend = "emergency",
          confidence = nil,
          message = "ALERT - deterioration index 88 (threshold 60). Emergency review and " ..
                    "critical care outreach suggested.",
          reasons = function(s)
            local v = later[s.choices.night_obs]
            return {
              { "Systolic BP " .. v.sbp .. " mmHg", 0.28 },
              { "Respiratory rate " .. v.rr .. " /min", 0.21 },
              { "Heart rate " .. v.hr .. " /min", 0.18 },
              { "Altered consciousness", 0.17 },
            }
          end,
          timing = "with_case",
        },
        ask = { trust = true },
        time_limit = 90,
        on_timeout = "delayed",
        feedback = later_feedback,
      },
      debrief = "Here the index was right. A NEWS2 of 7 or more is the " ..
                "RCP threshold for an emergency response: inform the medical team at " ..
                "registrar level at once and call a team with critical care competencies " ..
                "(in most hospitals, critical care outreach), with continuous monitoring. " ..
                "Waiting for a busy FY1 or rechecking delays source control of a likely " ..
                "anastomotic leak. The cue was the NEWS2 itself, and a falling blood " ..
                "pressure despite fluid; the alert added nothing the chart did not show.",
    },

    theatre_early = {
      title = "Back to theatre",
      text = "The surgical registrar and outreach team arrive within 15 minutes. CT at " ..
             "05:00 shows free fluid and gas at the anastomosis. She returns to theatre " ..
             "at 06:30 for a washout and defunctioning ileostomy.",
      elapsed = 240,
      vitals = { hr = 96, sbp = 118, dbp = 64, rr = 18, spo2 = 97, temp = 37.6, avpu = "A",
                 o2 = "air" },
      ending = {
        outcome = "good",
        summary = "Mrs Walsh had an anastomotic leak found and controlled early. She spent " ..
                  "a day on the high-dependency unit and went home on day 12.",
      },
    },

    theatre_late = {
      title = "Back to theatre",
      text = "The registrar and outreach team start vasopressor planning on the ward. CT " ..
             "shows an anastomotic leak; she goes to theatre at 08:00, an hour and a half later " ..
             "than an earlier call would have allowed, and to intensive care afterwards.",
      elapsed = 240,
      vitals = { hr = 108, sbp = 102, dbp = 58, rr = 20, spo2 = 96, temp = 37.9, avpu = "A",
                 o2 = "2 L/min nasal" },
      ending = {
        outcome = "neutral",
        summary = "Mrs Walsh survived septic shock from an anastomotic leak after four days " ..
                  "of intensive care and went home on day 21.",
      },
    },

    delayed = {
      title = "Cardiac arrest call",
      text = "Twenty-five minutes later she is unresponsive with a systolic pressure of " ..
             "62 mmHg. The arrest team is called; she is intubated on the ward and taken " ..
             "to intensive care before theatre.",
      elapsed = 25,
      vitals = { hr = 138, sbp = 62, dbp = 34, rr = 32, spo2 = 88, temp = 39.2, avpu = "U",
                 o2 = "15 L/min reservoir mask" },
      ending = {
        outcome = "harm",
        summary = "Mrs Walsh developed septic shock with multi-organ failure before her " ..
                  "leak was controlled. She spent three weeks in intensive care.",
      },
    },
  },
}
