-- Ninety-four per cent: the virtual ward triage model and the pulse oximeter.
-- Respiratory virtual ward. The triage model ranks patients from home
-- pulse-oximeter readings and is quiet about a man whose oximeter reads
-- 94%: pulse oximeters overestimate saturation in darker skin, and the model
-- was trained on readings taken mostly from white patients (training bias,
-- false negative). In hospital a severity model that uses the arterial gas,
-- not the oximeter, is right to advise admission when the CURB65 score is
-- only 1 (AI right, often overruled). The triage model's explanation is
-- plausible but misleading: its heaviest reason is the very reading that is
-- wrong for him. Readings, the clock and the debriefs follow the branch
-- taken: seen the same morning, or brought in by ambulance the next day.
local obs = include("obs")

-- Feedback texts. Facts as in the debriefs (DHSC Equity in medical devices
-- review 2024, MHRA on pulse oximeters, NICE on CURB65 with clinical
-- judgement, BTS 2017 oxygen targets); see docs/clinical-checks/feedback-round.md.
local triage_tool = " HomeWard Triage's heaviest reason was that 94%, the number least " ..
                    "reliable for him: its model card says its SpO2 comes from fingertip " ..
                    "oximeters, its training data were 88% White, and its performance by skin " ..
                    "tone is unknown."
local overestimate = "pulse oximeters can overestimate oxygen saturation in people with " ..
                     "darker skin (Equity in medical devices: independent review, 2024)"

local function gas_feedback(s)
  local pao2 = "a PaO2 of " .. s.vars.pao2 .. " kPa on air"
  local tool = " PneumoSeverity's first reason came from the gas, not the oximeter: a tool " ..
               "with different inputs deserves its own judgement."
  local curb = "CURB65 does not include oxygenation, so a score of 1 cannot rule hypoxaemia " ..
               "out, and NICE asks for the score to be used with clinical judgement"
  return {
    admit = "The gas shows " .. pao2 .. ": hypoxaemia that needs oxygen and hospital care. " ..
            curb .. "." .. tool,
    home = "The gas shows " .. pao2 .. " and a saturation of " .. s.vars.sao2 .. "% while " ..
           "the probe read " .. s.vars.probe .. "%: hypoxaemia that needs oxygen and hospital " ..
           "care. " .. curb .. "." .. tool,
    iv_dose = "One IV dose treats the infection, not the hypoxaemia: " .. pao2 .. " needs " ..
              "oxygen and hospital care. " .. curb .. "." .. tool,
  }
end

local function oxygen_feedback(s)
  local gap = s.vars.probe - s.vars.sao2
  local reads_high = "his probe read " .. gap .. " points above his arterial saturation " ..
                     "today, so a probe reading of 94% could mean about " .. (94 - gap) .. "%"
  local bts = "BTS 2017 gives a target of 94-98% for most acutely ill adults and 88-92% for " ..
              "those at risk of hypercapnic respiratory failure"
  local tool = " O2 Assist used the gap measured on the day, as its message said."
  return {
    gas = bts .. "; he has no risk factor and a PaCO2 of 4.2 kPa. And " .. reads_high ..
          ": the gas keeps the probe honest." .. tool,
    probe = "The target is right - " .. bts .. " - but " .. reads_high .. ": titrate " ..
            "against gases as well." .. tool,
    low = bts .. ". He has no risk factor and a PaCO2 of 4.2 kPa, so 88-92% leaves him " ..
          "hypoxaemic; and " .. reads_high .. "." .. tool,
  }
end

return case {
  format = 1,
  id = "virtual-ward-oximetry",
  version = "1.1",
  title = "Ninety-four per cent: the oximeter and the virtual ward",
  summary = "A man recovering from pneumonia on a respiratory virtual ward is more " ..
            "breathless this morning, and his home oximeter reads 94%. Decide how he is " ..
            "followed up, and what to recommend once he has been seen.",
  objectives = {
    "Know that pulse oximeters can overestimate oxygen saturation in people with darker " ..
      "skin, and that tools built on those readings inherit the error",
    "Act on the trend and the patient's symptoms, not a single reassuring number",
    "Use an arterial blood gas to confirm hypoxaemia and guide oxygen (BTS 2017)",
    "Use CURB65 with clinical judgement: the score does not include oxygenation, so a " ..
      "low score does not rule out hypoxaemia",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG250 (2025) Pneumonia: diagnosis and management",
    "NICE CG191 (2014) Pneumonia in adults: diagnosis and management, withdrawn in 2020 " ..
      "and reinstated in 2022 pending an update; it and NICE NG138 (2019) Pneumonia " ..
      "(community-acquired): antimicrobial prescribing may now be replaced by NG250: " ..
      "check NICE's website for the current guideline",
    "O'Driscoll BR et al. (2017) BTS guideline for oxygen use in adults in healthcare and " ..
      "emergency settings. Thorax 72(Suppl 1):ii1-ii90",
    "Lim WS et al. (2009) British Thoracic Society guidelines for the management of " ..
      "community acquired pneumonia in adults: update 2009. Thorax 64(Suppl 3):iii1-iii55",
    "Department of Health and Social Care (2024) Equity in medical devices: independent " ..
      "review. Final report",
    "Medicines and Healthcare products Regulatory Agency (2021) The use and regulation of " ..
      "pulse oximeters: information for healthcare professionals",
    "NHS England (2021) Pulse oximetry to detect early deterioration of patients with " ..
      "COVID-19 in primary and community care settings (C0445, version 1.1)",
    "Royal College of Physicians (2017) National Early Warning Score (NEWS) 2",
  },
  tags = { "virtual-ward", "respiratory", "pneumonia", "oximetry" },
  minutes = 8,

  x_setting = "virtual_ward",
  x_profession = "nurse",
  x_tool_types = { "triage_model", "risk_score", "decision_support" },
  x_explanations = { "misleading" },
  x_failure_modes = { "training_bias", "false_negative", "ai_right" },
  x_ai_errors = { "*/dashboard false_negative" },

  patient = {
    name = "Emmanuel Boateng", age = 61, sex = "M",
    setting = "Respiratory virtual ward (hospital at home), day 3",
    complaint = "More breathless on the stairs since last night",
    history = { "Community-acquired pneumonia (right lower lobe), discharged to the " ..
                  "virtual ward 2 days ago", "Hypertension", "Never smoked",
                "Skin tone: dark brown (Fitzpatrick type V)" },
    medications = { "Amoxicillin 500 mg three times daily (day 4)",
                    "Amlodipine 5 mg once daily" },
    allergies = { "No known drug allergies" },
  },

  -- His own readings this morning, entered in the app.
  vitals = { hr = 98, sbp = 128, dbp = 76, rr = 22, spo2 = 94, temp = 37.6,
             avpu = "A", o2 = "air" },

  results = {
    { name = "Home SpO2 trend (app)", value = "Day 1: 96%, day 2: 95%, today: 94%" },
    { name = "Home respiratory rate trend", value = "Day 1: 18, day 2: 20, today: 22 /min" },
  },

  ai = {
    triage = {
      name = "HomeWard Triage", version = "1.1",
      kind = "virtual ward triage model",
      intended_use = "Adults on respiratory virtual wards; ranks patients green, amber or " ..
                     "red from home observations to set the order and timing of reviews",
      performance = { sensitivity = 0.84, specificity = 0.81, auroc = 0.87 },
      trained_on = "212,000 home observation sets from COVID-19 and respiratory virtual " ..
                   "wards in two English regions, 2020-2022; 88% of patients recorded as " ..
                   "White; SpO2 from consumer fingertip pulse oximeters",
      limitations = {
        "SpO2 is its strongest input and comes from pulse oximeters, which can " ..
          "overestimate saturation in people with darker skin",
        "Performance by ethnic group or skin tone has not been reported",
        "Respiratory rate is counted by the patient and often under-recorded",
      },
    },
    severity = {
      name = "PneumoSeverity", version = "3.2",
      kind = "pneumonia severity model",
      intended_use = "Adults with community-acquired pneumonia assessed in hospital; " ..
                     "predicts 30-day need for ventilatory support or death, to support " ..
                     "the admission decision",
      performance = { sensitivity = 0.88, specificity = 0.76, auroc = 0.89 },
      trained_on = "58,000 hospital assessments for pneumonia in the UK, 2015-2022, using " ..
                   "arterial blood gas results where taken",
      limitations = {
        "Needs a blood gas for its oxygenation input; without one it falls back to SpO2",
        "Not for hospital-acquired or aspiration pneumonia",
      },
    },
    oxygen = {
      name = "O2 Assist", version = "1.0",
      kind = "oxygen prescribing aid",
      intended_use = "Adult inpatients; proposes a target saturation range from the record " ..
                     "and recent blood gases, following the BTS guideline",
      performance = { agreement_with_respiratory_consultant = 0.93 },
      trained_on = "Rules from the BTS 2017 guideline, with risk factors for hypercapnia " ..
                   "read from the coded record",
      limitations = {
        "Relies on coded diagnoses: uncoded COPD or obesity hypoventilation is missed",
        "Compares probe and gas only when both are recorded within 10 minutes",
      },
    },
  },

  start_time = "10:15",       -- the time of day at the start; the header adds the case clock
  start = "call",
  nodes = {
    call = {
      title = "The morning call",
      text = "You are the virtual ward nurse on the morning round of calls. Mr Boateng " ..
             "sounds breathless on the phone and stops mid-sentence to catch his breath. " ..
             "He says the stairs were \"like a mountain\" last night and he slept in the " ..
             "chair. He is taking his amoxicillin. His wife says he is greyer round the " ..
             "lips than yesterday.",
      next = "dashboard",
    },

    dashboard = {
      title = "The dashboard",
      text = function(s)
        return "His readings this morning give a NEWS2 of " .. obs.news2(s.vitals) ..
               ". The triage model's colour sits beside his name on the dashboard."
      end,
      elapsed = 5,
      decision = {
        prompt = "What do you do?",
        options = {
          { id = "continue", label = "Continue home monitoring; review him on tomorrow's " ..
                                     "morning round", next = "next_day" },
          { id = "see_today", label = "Bring him in today for a face-to-face review in the " ..
                                      "acute respiratory clinic", next = "hot_clinic" },
          { id = "four_hourly", label = "Ask for readings every 4 hours; call back if his " ..
                                        "SpO2 falls below 92%", next = "overnight" },
        },
        best = { "see_today" },
        advice = {
          tool = "triage",
          recommend = "continue",
          confidence = 0.88,
          message = "GREEN - routine. Next review within 24 hours.",
          reasons = {
            { "SpO2 94% on air (above 92%)", -0.34 },
            { "Temperature 37.6 °C, falling", -0.14 },
            { "Day 4 of antibiotics", -0.09 },
            { "Respiratory rate 22 /min", 0.12 },
            { "Heart rate 98 /min", 0.05 },
          },
          timing = "with_case",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          see_today = "A reading of 94% may hide hypoxaemia: " .. overestimate .. ". A rising " ..
                      "breathing rate, breathlessness on the phone, a night in the chair and " ..
                      "his wife's worry need a face-to-face assessment." .. triage_tool,
          ["continue"] = "A reassuring 94% may hide hypoxaemia: " .. overestimate .. ". The " ..
                         "trend, breathlessness on the phone and his wife's worry needed him " ..
                         "seen today; the MHRA advises that the change in a patient's " ..
                         "readings may matter more than the number." .. triage_tool,
          four_hourly = "More readings from the same oximeter repeat the same error: " ..
                        overestimate .. ", so a 92% trigger may never fire. The trend, his " ..
                        "breathlessness and his wife's worry needed him seen today." ..
                        triage_tool,
        },
      },
      debrief = "The triage model was wrong, and its explanation shows why it was " ..
                "reassured: its heaviest reason was an SpO2 of 94%. The explanation looked " ..
                "sensible, and that is the trap: it rested on the one number that is least " ..
                "reliable for Mr Boateng. Its model card says that SpO2 comes from fingertip " ..
                "oximeters, that it was trained mostly on readings from white patients, and " ..
                "that its performance by skin tone is unknown. Pulse oximeters overestimate " ..
                "saturation more often in people with darker skin, so occult hypoxaemia is " ..
                "missed more often - and a model built on those readings misses it too. The " ..
                "careful cues were the trend (respiratory rate 18 to 22, SpO2 drifting down), " ..
                "breathlessness at rest on the phone, a night in the chair and his wife's " ..
                "worry; the MHRA advises that the change in a patient's readings may matter " ..
                "more than the number itself. Four-hourly readings from the same oximeter " ..
                "only repeat the error. The 92% and 93-94% cut-offs many virtual wards use " ..
                "came from COVID-19 home oximetry, where a reading of 93-94% was already " ..
                "amber. Simplified: a real virtual ward would also have a consultant-led " ..
                "escalation route.",
    },

    next_day = {
      title = "The next morning",
      text = "At 06:10 Mr Boateng's wife calls 999: he cannot finish a sentence. The crew " ..
             "brings him to the emergency department.",
      elapsed = 1240,
      vitals = { hr = 114, sbp = 122, dbp = 72, rr = 28, spo2 = 91, temp = 38.2 },
      set = { delayed = true },
      next = "gas",
    },

    overnight = {
      title = "Overnight",
      text = "His four-hourly readings stay between 92% and 93%, so no call is triggered. " ..
             "At 05:40 he phones the virtual ward: he has been sitting up all night and " ..
             "cannot get his breath. He is brought in by ambulance.",
      elapsed = 1210,
      vitals = { hr = 112, sbp = 124, dbp = 74, rr = 28, spo2 = 92, temp = 38.0 },
      set = { delayed = true },
      next = "gas",
    },

    hot_clinic = {
      title = "The acute respiratory clinic, 11:30",
      text = "Mr Boateng comes in by hospital transport. He is breathless talking, with " ..
             "crackles and bronchial breathing at the right base.",
      elapsed = 70,
      vitals = { hr = 102, sbp = 126, dbp = 74, rr = 24, spo2 = 93, temp = 37.8 },
      set = { delayed = false },
      next = "gas",
    },

    gas = {
      title = "The blood gas",
      text = function(s)
        return "The arterial gas on room air is back, taken while the finger probe read " ..
               s.vars.probe .. "%. His chest X-ray shows the right lower lobe " ..
               "consolidation has spread. The CURB65 score is 1 (urea over 7 mmol/L). " ..
               "The severity model has run on the gas and the bloods."
      end,
      elapsed = 30,
      on_enter = function(s)
        -- What this branch shows, kept for the texts that follow.
        s.vars.probe = s.vitals.spo2
        s.vars.pao2 = s.vars.delayed and 6.4 or 7.6
        s.vars.sao2 = s.vars.delayed and 84 or 88
        local list = obs.join(
          obs.result("PaO2 (arterial, room air)", s.vars.pao2, "kPa", 10.5, 13.5),
          obs.result("SaO2 (co-oximetry)", s.vars.sao2, "%", 95, nil),
          obs.result("PaCO2", 4.2, "kPa", 4.7, 6.0),
          obs.result("pH", 7.46, nil, 7.35, 7.45),
          obs.ue { na = 134, k = 4.2, urea = 7.9, creat = 98, egfr = 74 },
          obs.crp(168),
          obs.fbc { hb = 138, wbc = 15.2, neut = 12.9, plt = 312 }
        )
        for _, r in ipairs(list) do s.reveal(r) end
      end,
      decision = {
        prompt = "What do you recommend?",
        options = {
          { id = "home", label = function(s)
              return "Back to the virtual ward: CURB65 is 1 and the finger probe reads " ..
                     s.vars.probe .. "%"
            end, next = "bounce" },
          { id = "admit", label = "Admit to the respiratory ward for oxygen and a review " ..
                                  "of his antibiotics", next = "admitted" },
          { id = "iv_dose", label = "One IV antibiotic dose here, then home to the virtual " ..
                                    "ward with twice-daily calls", next = "bounce" },
        },
        best = { "admit" },
        advice = {
          tool = "severity",
          recommend = "admit",
          confidence = nil,
          message = function(s)
            return "HIGH RISK: 30-day risk of ventilatory support or death " ..
                   (s.vars.delayed and "22%" or "14%") ..
                   ". Main driver: hypoxaemia on the arterial gas."
          end,
          reasons = {
            { "PaO2 on air below 8 kPa", 0.42 },
            { "Radiological progression on antibiotics", 0.21 },
            { "Urea 7.9 mmol/L", 0.09 },
            { "Age 61", 0.04 },
          },
          timing = "after_initial",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = gas_feedback,
      },
      debrief = function(s)
        return "The severity model was right, and trainees often overrule it here: the " ..
               "CURB65 score is only 1 and the finger probe still read " .. s.vars.probe ..
               "%. But the model used the arterial gas, not the oximeter - its first " ..
               "reason was a PaO2 under 8 kPa - and the gas is the truth the oximeter " ..
               "missed. The careful cue was the gap between the probe and the gas: a " ..
               "saturation of " .. s.vars.sao2 .. "% by co-oximetry while the probe read " ..
               s.vars.probe .. "%. CURB65 does not include oxygenation, which is why it " ..
               "is used with clinical judgement. Distrust of the first tool should not " ..
               "spill over to a second tool with different inputs. Simplified: local " ..
               "antibiotic choices and oxygen protocols differ."
      end,
    },

    admitted = {
      title = "The oxygen prescription",
      text = "Mr Boateng is admitted to the respiratory ward and his antibiotics reviewed. " ..
             "On 2 L/min by nasal cannula the finger probe reads 97%. The oxygen " ..
             "prescribing aid proposes a target range for the chart.",
      elapsed = 45,
      vitals = { hr = 96, rr = 22, spo2 = 97, o2 = "2 L/min nasal" },
      decision = {
        prompt = "Which target do you prescribe?",
        options = {
          { id = "low", label = "88-92%, titrated by the finger probe to avoid too much " ..
                                "oxygen", next = "probe_only" },
          { id = "probe", label = "94-98%, titrated by the finger probe readings alone",
            next = "probe_only" },
          { id = "gas", label = "94-98%, titrated against arterial gases as well as the " ..
                                "probe", next = "ward" },
        },
        best = { "gas" },
        advice = {
          tool = "oxygen",
          recommend = "gas",
          confidence = nil,
          message = "Target 94-98%. No risk factors for hypercapnic respiratory failure. " ..
                    "The probe read well above his arterial SaO2 today: confirm with a gas.",
          reasons = {
            { "No COPD, obesity or neuromuscular disease recorded", 0.31 },
            { "PaCO2 4.2 kPa", 0.22 },
            { "Probe reading above arterial SaO2 today", 0.27 },
          },
          timing = "after_initial",
        },
        ask = { trust = true, confidence = true },
        feedback = oxygen_feedback,
      },
      debrief = function(s)
        local gap = s.vars.probe - s.vars.sao2
        return "The oxygen aid was right. He has no risk factor for hypercapnia and a low " ..
               "PaCO2, so the BTS target is 94-98%; 88-92% would leave him hypoxaemic. " ..
               "And because his probe read " .. gap .. " points above his arterial " ..
               "saturation, a probe reading of 94% could mean about " .. (94 - gap) ..
               "%. The careful cue was the gap measured on the day, which the aid had " ..
               "used too. Simplified: how often to repeat gases is a clinical decision, " ..
               "and a prescription alone does not do it."
      end,
    },

    probe_only = {
      title = "The next day",
      text = "The probe reads in range for the next twenty hours, but an arterial gas then " ..
             "shows a PaO2 of 7.9 kPa on his oxygen, and his breathing is faster.",
      elapsed = 1200,
      vitals = { hr = 104, rr = 26, spo2 = 94 },
      ending = {
        outcome = "neutral",
        summary = "Mr Boateng was under-oxygenated for a day on a target the probe could " ..
                  "not measure for him. His oxygen was increased and he went home after a " ..
                  "week.",
      },
    },

    ward = {
      title = "The respiratory ward",
      text = "His oxygen is titrated against arterial gases as well as the probe, and " ..
             "weaned over three days.",
      elapsed = 240,
      vitals = { hr = 92, rr = 20, spo2 = 96, o2 = "2 L/min nasal" },
      ending = {
        outcome = function(s) return s.vars.delayed and "neutral" or "good" end,
        summary = function(s)
          if s.vars.delayed then
            return "After a night of untreated hypoxaemia at home, Mr Boateng needed " ..
                   "high-flow oxygen for two days. He went home after nine days."
          end
          return "Mr Boateng improved on oxygen and went home after four days, with a " ..
                 "note in his record that his oximeter reads high."
        end,
      },
    },

    bounce = {
      title = "That night",
      text = function(s)
        return "Back at home, Mr Boateng's oximeter reads " .. (s.vars.probe - 1) .. "-" ..
               s.vars.probe .. "% for the rest of the day. At 02:00 he collapses on the " ..
               "way to the toilet."
      end,
      -- The case starts at 10:15; land on 02:00 the night after he is sent home.
      elapsed = function(s)
        local now = (10 * 60 + 15 + s.clock) % 1440
        return (2 * 60 - now) % 1440
      end,
      vitals = { hr = 124, sbp = 104, dbp = 62, rr = 32, spo2 = 90, avpu = "V" },
      ending = {
        outcome = "harm",
        summary = "Mr Boateng was brought back in respiratory failure and needed " ..
                  "non-invasive ventilation on the respiratory high-dependency unit.",
      },
    },
  },
}
