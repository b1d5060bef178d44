-- Headache at 35 weeks: the triage model that weighed the booking blood pressure.
-- Maternity assessment unit, midwife. Counterbalanced: at the triage decision
-- the AI is right in "ai_right" (immediate review) and wrong in "ai_wrong"
-- (routine: a false negative whose explanation leans on a normal booking
-- blood pressure and on headaches being common). At the second decision a
-- computerised CTG analysis is right in both variants: the baby does not
-- need delivering this minute, the mother needs stabilising first.
local obs = include("obs")
local variants = include("variants")

return case {
  format = 1,
  id = "maternity-headache",
  version = "1.0",
  title = "Headache at 35 weeks: the triage model and the blood pressure",
  summary = "A first-time mother at 35+4 weeks comes to the maternity assessment unit " ..
            "with a headache and flashing lights. A triage model sets her priority; " ..
            "later a computerised CTG reads her baby's heart rate. Decide how fast to " ..
            "act, and what comes first.",
  objectives = {
    "Recognise severe hypertension (160/110 mmHg or more) and the symptoms of severe " ..
      "pre-eclampsia (NICE NG133)",
    "Escalate for immediate obstetric review whatever priority a triage tool assigns",
    "Stabilise the mother before planning birth when the fetal heart rate is reassuring",
    "Read a tool's explanation for the data it leaned on",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG133 (2019, updated 2023) Hypertension in pregnancy: diagnosis and management",
    "NICE NG229 (2022) Fetal monitoring in labour",
    "RCOG Green-top Guideline 31 (2013, revised 2014) The investigation and management of the " ..
      "small-for-gestational-age fetus (antenatal CTG and computerised analysis)",
    "MBRRACE-UK (2023) Saving Lives, Improving Mothers' Care: lessons on hypertensive " ..
      "disorders of pregnancy",
    "BNF: labetalol; nifedipine; magnesium sulfate",
  },
  tags = { "maternity", "pre-eclampsia", "triage", "counterbalanced" },
  minutes = 8,
  variants = { "ai_right", "ai_wrong" },

  x_setting = "maternity",
  x_profession = "midwife",
  x_failure_modes = { "false_negative", "ai_right" },
  x_ai_errors = { "ai_wrong/triage false_negative" },

  patient = {
    name = "Chloe Barnes", age = 29, sex = "F",
    setting = "Maternity assessment unit, 16:20",
    complaint = "Headache for 6 hours, flashing lights, puffy face and hands; 35+4 weeks",
    history = { "First pregnancy (G1 P0)", "Booking BP 116/70 mmHg at 11 weeks",
                "Uncomplicated pregnancy so far" },
    medications = { "Folic acid (stopped at 12 weeks)", "Paracetamol 1 g at 13:00" },
    allergies = { "No known drug allergies" },
  },

  vitals = { hr = 94, sbp = 162, dbp = 106, rr = 18, spo2 = 98, temp = 36.9,
             avpu = "A", o2 = "air", pain = 6 },

  results = {
    { name = "Repeat BP (15 min later)", value = "158/104 mmHg" },
    { name = "Urine dipstick", value = "Protein 2+" },
  },

  ai = {
    triage = {
      name = "MatTriage", version = "1.2",
      kind = "maternity triage model",
      intended_use = "Pregnant women over 20 weeks attending maternity triage; assigns a " ..
                     "priority (red: immediate; orange: 15 min; yellow: 1 hour; green: " ..
                     "4 hours) from the presenting complaint, observations and the record",
      performance = { sensitivity = 0.86, specificity = 0.80, auroc = 0.88 },
      trained_on = "96,000 triage attendances at three English maternity units, 2017-2021, " ..
                   "labelled by whether the woman needed intervention within 4 hours",
      limitations = {
        "Uses the whole antenatal record, including booking observations",
        "Headache is a common complaint in the training data and is usually benign there",
        "Not a substitute for the unit's triage system and escalation criteria",
      },
    },
    ctg = {
      name = "CTG-Analyse", version = "6.0",
      kind = "computerised antenatal CTG analysis",
      intended_use = "Antenatal CTG from 26 weeks, before labour; reports whether criteria " ..
                     "for a normal trace are met, with short-term variation",
      performance = { sensitivity = 0.79, specificity = 0.90, auroc = 0.89 },
      trained_on = "100,000 antenatal traces with neonatal outcomes from UK units, " ..
                   "1990-2015, developed against expert-defined criteria",
      limitations = {
        "Not for use in labour",
        "Says nothing about the mother's condition",
        "Criteria not met does not mean fetal compromise: it means a clinician must review",
      },
    },
  },

  start = "arrival",
  nodes = {
    arrival = {
      title = "Maternity assessment unit",
      text = "Chloe arrives with her partner. Her headache began this morning, is " ..
             "frontal and throbbing, and paracetamol at 13:00 did not touch it. For the " ..
             "last hour she has seen **flashing lights**. Her rings are tight and her face " ..
             "is puffy. The baby is moving normally.\n\nYou take her blood pressure twice " ..
             "and dip her urine. On examination her reflexes are brisk with **three beats " ..
             "of clonus** at each ankle. She has no epigastric pain.",
      next = "triage",
    },

    triage = {
      title = "Triage priority",
      text = "The unit's triage model has scored her from the record and your observations.",
      elapsed = 15,
      decision = {
        prompt = "How do you prioritise Chloe?",
        options = {
          { id = "immediate", label = "Immediate review: call the obstetric registrar now " ..
                                      "and prepare to treat her blood pressure",
            next = "review" },
          { id = "repeat", label = "Recheck her BP in 30 minutes; registrar review within " ..
                                   "the hour", next = "delay" },
          { id = "routine", label = "More paracetamol, a dark room, and a routine review " ..
                                    "within 4 hours", next = "seizure" },
        },
        best = { "immediate" },
        advice = variants.advice({ tool = "triage", confidence = 0.84, timing = "after_initial" }, {
          ai_right = {
            recommend = "immediate",
            message = "RED - immediate obstetric review. Severe hypertension with " ..
                      "neurological symptoms.",
            reasons = {
              { "Systolic BP 162 mmHg", 0.33 },
              { "Visual disturbance", 0.24 },
              { "Proteinuria 2+", 0.16 },
              { "Headache unrelieved by paracetamol", 0.11 },
            },
          },
          ai_wrong = {
            recommend = "repeat",
            message = "YELLOW - review within 1 hour. Repeat blood pressure in 30 minutes.",
            reasons = {
              { "Booking BP 116/70 mmHg (normal)", -0.27 },
              { "Headache: common complaint at this gestation", -0.21 },
              { "Systolic BP 162 mmHg", 0.19 },
              { "No previous hypertension", -0.12 },
              { "Proteinuria 2+", 0.09 },
            },
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = "NICE NG133: a blood pressure of 160/110 mmHg or more is severe " ..
                   "hypertension. With proteinuria, a severe headache, flashing lights and " ..
                   "clonus, this is pre-eclampsia with severe features: she needs admission, " ..
                   "immediate obstetric review and treatment to bring her BP below 160/110.",
      },
      debrief = function(s)
        local why
        if s.variant == "ai_wrong" then
          why = "In your variant the model was wrong. Its explanation shows what pulled it " ..
                "down: a normal booking blood pressure from 24 weeks ago and the fact that " ..
                "most headaches it saw were benign. Neither says anything about today."
        else
          why = "In your variant the model was right, and its reasons were the ones that " ..
                "mattered."
        end
        return why .. " The careful cues were in front of you: a systolic of 162 mmHg " ..
               "(severe hypertension under NICE NG133 whatever the diastolic), visual " ..
               "disturbance, an unrelieved headache, proteinuria and clonus. Severe " ..
               "pre-eclampsia can progress to eclampsia or stroke within hours, and " ..
               "MBRRACE-UK reports keep finding delayed treatment of systolic hypertension. " ..
               "A 30-minute recheck is not a plan when the first two readings are already " ..
               "severe. Simplified: the unit's own triage system and escalation criteria " ..
               "would also put her in the immediate category."
      end,
    },

    delay = {
      title = "Thirty minutes later",
      text = "In the waiting area Chloe says the flashing lights are worse and she feels " ..
             "sick. Her BP is now 172/112 mmHg. You call the registrar, who comes at once.",
      elapsed = 30,
      vitals = { sbp = 172, dbp = 112, hr = 98 },
      set = { delayed = true },
      next = "review",
    },

    review = {
      title = "On the labour ward",
      text = function(s)
        local start = s.vars.delayed and "Half an hour later than it could have been, the " ..
                                         "registrar" or "The registrar"
        return start .. " confirms pre-eclampsia with severe features. She gives oral " ..
               "labetalol, sends bloods and a urine protein:creatinine ratio, and moves " ..
               "Chloe to a labour ward room with one-to-one care. An hour later her BP is " ..
               "154/100 mmHg and her headache is easing. The consultant is on the way in.\n\n" ..
               "A CTG has run for 40 minutes and the computerised analysis has reported."
      end,
      elapsed = 60,
      vitals = { sbp = 154, dbp = 100, hr = 90, pain = 4 },
      results = obs.join(
        obs.result("Urine protein:creatinine ratio", 58, "mg/mmol", nil, 30),
        obs.fbc { sex = "F", hb = 114, wbc = 10.8, plt = 128 },
        obs.lft { alt = 48, bili = 9, alb = 29 },
        obs.ue { sex = "F", na = 136, k = 4.1, urea = 3.4, creat = 68 },
        { name = "CTG (40 min)", value = "Baseline 140 /min, variability 5-15 /min, " ..
                                         "accelerations present, no decelerations" }
      ),
      next = "ctg",
    },

    ctg = {
      title = "What comes first?",
      text = "Chloe's partner asks whether the baby should be delivered right now. The " ..
             "CTG analysis is on the screen.",
      elapsed = 5,
      decision = {
        prompt = "What do you recommend to the team?",
        options = {
          { id = "section_now", label = "Category 1 caesarean section now: get the baby out",
            next = "crash_section" },
          { id = "stabilise", label = "Stabilise her first: BP every 15 minutes, magnesium " ..
                                      "sulfate as the consultant decides, CTG continuing; " ..
                                      "plan birth once she is stable", next = "stable" },
          { id = "ward", label = "Stop the CTG and transfer her to the antenatal ward with " ..
                                 "4-hourly observations", next = "abruption" },
        },
        best = { "stabilise" },
        advice = {
          tool = "ctg",
          recommend = "stabilise",
          confidence = nil,
          message = "Criteria for a normal trace MET at 20 minutes. Short-term variation " ..
                    "8.6 ms. No fetal indication for immediate delivery; continue monitoring.",
          reasons = {
            { "Short-term variation 8.6 ms", 0.36 },
            { "Accelerations present", 0.22 },
            { "No decelerations", 0.18 },
            { "Baseline 140 /min", 0.07 },
          },
          timing = "with_case",
        },
        ask = { trust = true, rationale = "override" },
        feedback = "NICE NG133: for pre-eclampsia with severe features at 34 to 37 weeks, " ..
                   "plan birth when there are indications such as ongoing severe headache " ..
                   "or visual disturbance - but once the mother's blood pressure is " ..
                   "controlled, and with IV magnesium sulfate considered if birth is planned " ..
                   "within 24 hours.",
      },
      debrief = "The CTG analysis was right: the trace was reassuring, and nothing about the " ..
                "baby called for a category 1 section. The danger was to the mother. An " ..
                "emergency section under general anaesthetic with uncontrolled blood " ..
                "pressure risks a hypertensive surge at intubation and a stroke. Overruling " ..
                "right advice because the situation feels urgent is still overruling right " ..
                "advice; stopping the CTG ignores the advice in the other direction. The " ..
                "careful cue was which patient was unstable. Simplified: the decision to " ..
                "plan birth, and when, belongs to the consultant obstetrician with the " ..
                "woman, and an antenatal CTG tool would not phrase its output as a plan.",
    },

    stable = {
      title = "Planned birth",
      text = "With her BP below 150/100 mmHg and magnesium sulfate running, Chloe's labour " ..
             "is induced that evening under one-to-one care.",
      elapsed = 600,
      vitals = { sbp = 146, dbp = 94, hr = 86, pain = 2 },
      ending = {
        outcome = function(s) return s.vars.delayed and "neutral" or "good" end,
        summary = function(s)
          if s.vars.delayed then
            return "Chloe had a vaginal birth the next morning. Her BP reached 172/112 " ..
                   "mmHg while she waited for review; she needed a second antihypertensive " ..
                   "and a longer stay, but she and her son recovered."
          end
          return "Chloe had a vaginal birth the next morning and went home with her son " ..
                 "on day 4, on enalapril, with a plan for BP checks."
        end,
      },
    },

    crash_section = {
      title = "Theatre",
      text = "Chloe goes to theatre for a category 1 section under general anaesthetic. At " ..
             "intubation her blood pressure surges to 210/125 mmHg.",
      elapsed = 40,
      vitals = { sbp = 210, dbp = 125, hr = 128 },
      ending = {
        outcome = "harm",
        summary = "The baby was born well. Chloe had a hypertensive surge at intubation " ..
                  "and was admitted to critical care; a CT showed no bleed, but she " ..
                  "spent three days on intensive care.",
      },
    },

    abruption = {
      title = "The antenatal ward, 21:00",
      text = "At the 20:30 observations Chloe has sudden abdominal pain and bleeding; the " ..
             "baby's heart rate is 80 /min.",
      elapsed = 240,
      vitals = { sbp = 168, dbp = 110, hr = 118, pain = 9 },
      ending = {
        outcome = "harm",
        summary = "A placental abruption led to an emergency section. The baby needed " ..
                  "neonatal resuscitation and care on the neonatal unit.",
      },
    },

    seizure = {
      title = "The waiting area",
      text = "Forty minutes later Chloe's partner shouts for help: she is having a " ..
             "generalised seizure.",
      elapsed = 40,
      vitals = { sbp = 178, dbp = 116, hr = 124, avpu = "U", spo2 = 91 },
      ending = {
        outcome = "harm",
        summary = "Chloe had an eclamptic seizure. She was treated with magnesium sulfate " ..
                  "and delivered by emergency section. She and her son survived; she spent " ..
                  "two days in critical care.",
      },
    },
  },
}
