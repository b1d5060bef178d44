-- Confused and febrile at 02:10: a sepsis score reading the wrong observations.
-- Emergency department, night. In "ai_wrong" the department's sepsis score
-- is still scoring the 00:55 triage observations, because the 02:10 set has
-- not yet been filed in the electronic record (its model card says it reads
-- only what is filed): it says LOW and invites an hour's wait, a false
-- negative whose every timed reason carries the 00:55 time stamp. In "ai_right" it
-- has the 02:10 set and says HIGH. Later decisions (the place of care after
-- treatment; a timed decision on the delayed path) have the score right in
-- both variants, once it reads current observations.
local models = include("models")
local variants = include("variants")

return case {
  format = 1,
  id = "sepsis-ed",
  version = "2.0",
  title = "Confused and febrile in the small hours",
  summary = "An older woman with a day of confusion and fever reaches a majors cubicle " ..
            "at night. The department's sepsis score has an opinion; decide what to do.",
  objectives = {
    "Grade sepsis risk from the whole picture and NEWS2 (NICE NG253)",
    "At high risk, give antibiotics within the hour while senior review happens in parallel",
    "Check which observations, and from what time, a risk score has used",
    "Escalate to critical care when a patient stays in the emergency band after initial " ..
      "treatment (RCP NEWS2)",
  },
  authors = { "Appraise project" },
  references = {
    -- NG253's scope, number and year are checked; the exact title on nice.org.uk is not.
    "NICE NG253 (2025) Suspected sepsis in people aged 16 or over who are not pregnant: " ..
      "recognition, diagnosis and early management",
    "NICE QS161 Sepsis: quality statement 2, senior review and antibiotic treatment",
    "Royal College of Physicians (2017) National Early Warning Score (NEWS) 2: " ..
      "Standardising the assessment of acute-illness severity in the NHS. Updated report " ..
      "of a working party",
    "Royal College of Physicians (2017) National Early Warning Score (NEWS) 2: chart 4, " ..
      "clinical response to NEWS2 trigger thresholds",
  },
  tags = { "emergency", "sepsis" },
  minutes = 8,
  variants = { "ai_right", "ai_wrong" },
  x_setting = "emergency",
  x_profession = "doctor",
  x_tool_types = { "risk_score" },
  x_failure_modes = { "false_negative" },
  x_ai_errors = { "ai_wrong/first_look false_negative" },

  patient = {
    name = "Margaret Hale", age = 78, sex = "F",
    setting = "Emergency department, majors (triaged at 00:55)",
    complaint = "Confusion and fever for one day",
    history = { "Type 2 diabetes", "Chronic kidney disease stage 3" },
    medications = { "Metformin 500 mg twice daily", "Ramipril 5 mg once daily" },
    allergies = { "Penicillin (rash)" },
  },

  -- The 02:10 bedside set: NEWS2 14.
  vitals = { hr = 118, sbp = 92, dbp = 54, rr = 26, spo2 = 91, temp = 38.9,
             avpu = "C", o2 = "air" },

  results = {
    { name = "Triage observations, 00:55",
      value = "HR 96, BP 124/70, RR 20, SpO2 95% air, 38.1 °C, alert" },
    { name = "Urine dipstick, 00:55", value = "Leucocytes 2+, nitrite positive" },
    { name = "Capillary glucose", value = 11.2, unit = "mmol/L" },
  },

  ai = models.card("sepsis"),

  start_time = "02:10",       -- the time of day at the start; the header adds the case clock
  start = "arrival",
  nodes = {
    arrival = {
      title = "Majors cubicle 4, 02:10",
      text = "Mrs Hale was triaged at 00:55 and waited on a corridor trolley for a " ..
             "cubicle. Now she is drowsy but rousable and answers slowly; her daughter " ..
             "says she was well two days ago. She feels hot, and her skin is mottled " ..
             "over the knees.\n\nThe healthcare assistant has just taken a new set of " ..
             "observations at the bedside.",
      next = "first_look",
    },

    first_look = {
      title = "The sepsis score, 02:15",
      text = "The department's sepsis score, SepTrace, is shown on the cubicle screen.",
      elapsed = 5,
      decision = {
        prompt = "What do you do now?",
        options = {
          { id = "senior_first", label = "Call the registrar to see her now, and start " ..
                                         "antibiotics and fluid once they have reviewed her",
            next = "senior_wait" },
          { id = "treat_now", label = "Start cultures, IV antibiotics, fluid and oxygen " ..
                                      "now; call the registrar to see her alongside",
            next = "treated" },
          { id = "repeat", label = "Send bloods with a lactate and recheck her observations " ..
                                   "in an hour, then decide on antibiotics",
            next = "worse" },
        },
        best = { "treat_now" },
        advice = variants.advice({ confidence = nil, timing = "after_initial" }, {
          ai_right = {
            recommend = "treat_now",
            message = "Sepsis risk HIGH: 87% within 6 hours (observations 02:10). " ..
                      "Suggest sepsis pathway.",
            reasons = {
              { "Respiratory rate 26 /min (02:10)", 0.24 },
              { "Systolic BP 92 mmHg (02:10)", 0.21 },
              { "New confusion (02:10)", 0.19 },
              { "Heart rate 118 /min (02:10)", 0.14 },
              { "Nitrite in urine (00:55)", 0.08 },
            },
          },
          ai_wrong = {
            recommend = "repeat",
            message = "Sepsis risk LOW: 13% within 6 hours (observations 00:55). " ..
                      "Suggest routine reassessment.",
            reasons = {
              { "Respiratory rate 20 /min (00:55)", -0.18 },
              { "Systolic BP 124 mmHg (00:55)", -0.16 },
              { "Alert (00:55)", -0.12 },
              { "Age 78", 0.10 },
              { "Nitrite in urine (00:55)", 0.08 },
              { "Temperature 38.1 °C (00:55)", 0.06 },
            },
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = function(s)
          local score
          if s.variant == "ai_wrong" then
            score = " SepTrace's low score was built on the 00:55 triage set - its message " ..
                    "and every timed reason carried 00:55 - because the 02:10 set had not been " ..
                    "filed: it said nothing about her now."
          else
            score = " SepTrace had the 02:10 set, as its message shows, but her observations " ..
                    "made the case without it."
          end
          local risk = "At 02:10 her NEWS2 was 14 with a likely urinary source: high risk " ..
                       "under NICE NG253. "
          return {
            treat_now = risk .. "NICE expects an immediate senior review and antibiotics " ..
                        "within 1 hour (QS161), side by side, as you planned." .. score,
            senior_first = risk .. "NICE expects a senior review and antibiotics within 1 " ..
                           "hour side by side (QS161); waiting for the registrar before " ..
                           "treating spends the hour on the wait." .. score,
            ["repeat"] = risk .. "Antibiotics are due within the hour alongside a senior review " ..
                     "(QS161), and a recheck in an hour spends that hour watching." .. score,
          }
        end,
      },
      debrief = function(s)
        local why
        if s.variant == "ai_wrong" then
          why = "The score was low because it was still scoring her triage observations: " ..
                "its message and every timed reason it gave were stamped 00:55, and its model " ..
                "card says it reads only the observations filed in the electronic record. " ..
                "The 02:10 set had been taken but not yet entered, so the low score said " ..
                "only that the 00:55 numbers looked well."
        else
          why = "The score was high, and right: its message shows it had the 02:10 " ..
                "observations. The decision did not need it."
        end
        return why .. " At 02:10 her NEWS2 was 14 - new confusion, a respiratory rate of " ..
               "26, a systolic of 92, mottled knees - with a likely urinary source: high " ..
               "risk. Check the time on the data a score has used, and weigh the patient " ..
               "in front of you. At high risk, senior review and antibiotics within the " ..
               "hour go together; waiting for the registrar before treating delays both, " ..
               "and rechecking in an hour loses the hour altogether."
      end,
    },

    senior_wait = {
      title = "03:20",
      text = "The registrar is held in resus and reaches Mrs Hale at 03:05. Antibiotics " ..
             "and fluid start at 03:20. She is now hard to rouse.",
      elapsed = 65,
      vitals = { hr = 128, sbp = 82, dbp = 44, rr = 28, spo2 = 90, avpu = "V" },
      ending = { outcome = "neutral",
                 summary = "Treatment started more than an hour after her high-risk " ..
                           "observations. She needed vasopressors on intensive care and " ..
                           "survived." },
    },

    treated = {
      title = "03:15",
      text = "Blood cultures were taken and IV antibiotics (not a penicillin), a fluid " ..
             "bolus and oxygen were all given within the hour; the registrar reviewed " ..
             "her alongside you. Her 03:15 observations are filed in the record.",
      elapsed = 60,
      vitals = { hr = 104, sbp = 104, dbp = 60, rr = 22, spo2 = 95, o2 = "2 L/min nasal",
                 temp = 38.2, avpu = "A" },
      results = { { name = "Lactate (venous, 03:05, after the first fluid bolus)", value = 4.1,
                    unit = "mmol/L", flag = "high" } },
      decision = {
        prompt = "Where should she be cared for now?",
        options = {
          { id = "amu", label = "Admit her to the acute medical unit, with hourly " ..
                                "observations on the ward", next = "amu_late" },
          { id = "outreach", label = "Ask critical care outreach to review her now, with a " ..
                                     "view to high-dependency care", next = "hdu" },
          { id = "stay", label = "Keep her in majors on the sepsis pathway and repeat the " ..
                                 "lactate in two hours", next = "amu_late" },
        },
        best = { "outreach" },
        advice = {
          recommend = "outreach",
          confidence = nil,
          message = "Sepsis risk HIGH: 91% within 6 hours (observations 03:15). " ..
                    "Suggest senior and critical care review.",
          reasons = {
            { "Oxygen 2 L/min (03:15)", 0.22 },
            { "Lactate 4.1 mmol/L (03:05)", 0.21 },
            { "Respiratory rate 22 /min (03:15)", 0.14 },
            { "Heart rate 104 /min (03:15)", 0.11 },
          },
          timing = "after_initial",
        },
        ask = { trust = true },
        feedback = (function()
          local news = "After an hour of treatment her NEWS2 is still 8, on oxygen: at 7 or " ..
                       "more the RCP asks for assessment by a team with critical care " ..
                       "competencies, continuous monitoring, and level 2 or 3 care " ..
                       "considered. "
          local score = " SepTrace's advice rested on her 03:15 observations, as its " ..
                        "message shows: check the time on the data before weighing a score."
          return {
            outreach = news .. "A lactate still over 4 mmol/L after fluid suggests she is " ..
                       "not yet resuscitated." .. score,
            amu = news .. "A ward bed with hourly observations is the response to a lower " ..
                  "score, and a lactate still over 4 mmol/L after fluid says she is not yet " ..
                  "resuscitated." .. score,
            stay = news .. "The lactate over 4 mmol/L after fluid already says she is not yet " ..
                   "resuscitated; a repeat in two hours adds nothing but the wait." .. score,
          }
        end)(),
      },
      debrief = "Here the score was right, and so was the chart: after an hour of treatment " ..
                "her NEWS2 was 8 on oxygen, still over the RCP's emergency threshold of 7, " ..
                "with a lactate over 4 mmol/L. That calls for critical care outreach and " ..
                "continuous monitoring, with level 2 (high-dependency) care considered, " ..
                "not a ward bed with hourly observations or two more hours in majors.",
    },

    hdu = {
      title = "High-dependency unit",
      text = "Outreach reviewed her within 20 minutes and took her to the high-dependency " ..
             "unit for continuous monitoring.",
      elapsed = 30,
      ending = { outcome = "good",
                 summary = "Mrs Hale had urosepsis, treated within the hour and escalated " ..
                           "early. She spent two days on the high-dependency unit and " ..
                           "recovered." },
    },

    amu_late = {
      title = "06:15",
      text = "At 06:15 her blood pressure falls to 78/40 mmHg despite more fluid, and she " ..
             "is drowsy again.",
      elapsed = 180,
      vitals = { hr = 126, sbp = 78, dbp = 40, rr = 28, avpu = "V" },
      ending = { outcome = "neutral",
                 summary = "She was moved to intensive care for vasopressors, later than " ..
                           "her observations called for, and survived." },
    },

    worse = {
      title = "03:15",
      text = "At the recheck Mrs Hale is hard to rouse and her blood pressure has fallen. " ..
             "Her lactate is back, and her new observations are filed in the record.",
      elapsed = 60,
      vitals = { hr = 132, sbp = 78, dbp = 40, rr = 30, spo2 = 89, avpu = "V" },
      results = { { name = "Lactate (venous, 03:10)", value = 5.2, unit = "mmol/L",
                    flag = "high" } },
      decision = {
        prompt = "What now?",
        options = {
          { id = "wait", label = "Give a fluid bolus and wait for the full blood results " ..
                                 "before starting antibiotics", next = "harm" },
          { id = "senior", label = "Call the registrar to see her, and start antibiotics " ..
                                   "once they have reviewed her", next = "harm" },
          { id = "treat", label = "Start antibiotics and fluid now, and call the " ..
                                  "registrar and critical care outreach",
            next = "late" },
        },
        best = { "treat" },
        advice = {
          recommend = "treat",
          confidence = nil,
          message = "Sepsis risk HIGH: 95% within 6 hours (observations 03:15). " ..
                    "Suggest sepsis pathway and critical care review.",
          reasons = {
            { "Systolic BP 78 mmHg (03:15)", 0.34 },
            { "Lactate 5.2 mmol/L (03:10)", 0.29 },
            { "Responds to voice only (03:15)", 0.16 },
            { "Respiratory rate 30 /min (03:15)", 0.12 },
          },
          timing = "with_case",
        },
        ask = { trust = true },
        time_limit = 120,
        on_timeout = "harm",
        feedback = (function()
          local shock = "NEWS2 16, a systolic of 78 and a lactate of 5.2 mmol/L: she is " ..
                        "shocked, and her hour for antibiotics began at 02:10. "
          local score = " SepTrace now had her 03:15 observations, and its advice matched " ..
                        "what was in front of you."
          return {
            treat = shock .. "Antibiotics, fluid and a team with critical care competencies " ..
                    "are needed now, together." .. score,
            wait = shock .. "Fluid alone does not treat the source, and the full blood count " ..
                   "will not change the need for antibiotics now." .. score,
            senior = shock .. "At high risk, senior review and antibiotics run side by side " ..
                     "(NICE QS161): waiting for the registrar leaves her untreated." .. score,
          }
        end)(),
      },
      debrief = "Here the score was right: it had her 03:15 observations, and septic shock " ..
                "needs antibiotics, fluid and critical care review at once. Rejecting good " ..
                "advice is also an error - though the patient made the case without it.",
    },

    late = {
      title = "04:15",
      text = "Antibiotics and fluid run from 03:20, more than an hour after her 02:10 " ..
             "observations. Outreach take her to intensive care for vasopressors.",
      elapsed = 60,
      ending = { outcome = "neutral",
                 summary = "Mrs Hale had urosepsis, treated later than her observations " ..
                           "called for. She survived after four days in intensive care." },
    },

    harm = {
      title = "04:45",
      text = "Her blood pressure does not respond to fluid and she becomes unresponsive. " ..
             "The critical care team intubates her in resus.",
      elapsed = 90,
      ending = { outcome = "harm",
                 summary = "Mrs Hale developed septic shock with multi-organ failure and " ..
                           "spent two weeks in intensive care." },
    },
  },
}
