-- Headache at 35 weeks: the triage model that weighed the booking blood pressure.
-- Maternity assessment unit, midwife. Counterbalanced: at the triage decision
-- the AI is right in "ai_right" (immediate review) and wrong in "ai_wrong"
-- (routine: a false negative whose explanation leans on a normal booking
-- blood pressure and on headaches being common). At the second decision a
-- computerised CTG analysis is right in both variants: the baby does not
-- need delivering this minute, the mother needs stabilising first.
-- No early-warning score (early_warning = "none"): NEWS2 is not for use in
-- pregnancy, and the national maternity score is not reproduced here; the
-- first result says so to the trainee.
local obs = include("obs")
local variants = include("variants")

-- The wall-clock time at the case clock (the case starts at 16:20).
local function at(s)
  local m = math.floor(16 * 60 + 20 + s.clock) % 1440
  return string.format("%02d:%02d", m // 60, m % 60)
end

return case {
  format = 1,
  id = "maternity-headache",
  version = "2.0",
  title = "Headache at 35 weeks: a triage model and a CTG analysis",
  summary = "A first-time mother at 35+4 weeks comes to the maternity assessment unit " ..
            "with a headache and flashing lights. A triage model sets her priority; " ..
            "later a computerised CTG reads her baby's heart rate. Decide how fast to " ..
            "act, and what comes first.",
  objectives = {
    "Recognise severe hypertension and the symptoms of severe pre-eclampsia (NICE NG133)",
    "Escalate for immediate obstetric review whatever priority a triage tool assigns",
    "Stabilise the mother before planning birth when the fetal heart rate is reassuring",
    "Read a tool's explanation for the data it leaned on",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG133 (2019, updated 2023) Hypertension in pregnancy: diagnosis and management",
    "NICE QS35 Hypertension in pregnancy (quality standard, updated 2019)",
    "NHS England (2023) Saving Babies' Lives Care Bundle, version 3",
    "Royal College of Physicians (2017) National Early Warning Score (NEWS) 2: " ..
      "standardising the assessment of acute-illness severity in the NHS",
    "Gerry S et al. (2024) Development of a national maternity early warning score: " ..
      "centile based score development and Delphi informed escalation pathways. " ..
      "BMJ Medicine 3:e000748",
    "BNF: labetalol; nifedipine; magnesium sulfate",
  },
  tags = { "maternity", "obstetrics", "triage", "headache" },
  minutes = 8,
  early_warning = "none",
  variants = { "ai_right", "ai_wrong" },

  x_setting = "maternity",
  x_profession = "midwife",
  x_tool_types = { "triage_model", "decision_support" },
  x_failure_modes = { "false_negative", "ai_right" },
  x_ai_errors = { "ai_wrong/triage false_negative" },

  patient = {
    name = "Chloe Barnes", age = 29, sex = "F",
    setting = "Maternity assessment unit",
    complaint = "Headache for 6 hours, flashing lights, puffy face and hands; 35+4 weeks",
    history = { "First pregnancy (G1 P0)", "Booking BP 116/70 mmHg at 11 weeks",
                "Uncomplicated pregnancy so far" },
    medications = { "Folic acid (stopped at 12 weeks)", "Paracetamol 1 g at 13:00" },
    allergies = { "No known drug allergies" },
  },

  vitals = { hr = 94, sbp = 162, dbp = 106, rr = 18, spo2 = 98, temp = 36.9,
             avpu = "A", o2 = "air", pain = 6 },

  results = {
    { name = "Early warning score", value = "Not shown: NEWS2 is not for use in pregnancy, " ..
      "and this simulation does not reproduce the maternity early warning chart" },
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

  start_time = "16:20",       -- the time of day at the start; the header adds the case clock
  start = "arrival",
  nodes = {
    arrival = {
      title = "Maternity assessment unit",
      text = "Chloe arrives with her partner. Her headache began this morning, is " ..
             "frontal and throbbing, and paracetamol at 13:00 did not touch it. For the " ..
             "last hour she has seen flashing lights. Her rings are tight and her face " ..
             "is puffy. The baby is moving normally.\n\nYou take her blood pressure twice " ..
             "and dip her urine. On examination her reflexes are brisk with three beats " ..
             "of clonus at each ankle. She has no epigastric pain.",
      next = "triage",
    },

    triage = {
      title = "Triage priority",
      text = "The unit's triage model has scored her from the record and your observations.",
      elapsed = 15,
      decision = {
        prompt = "How do you prioritise Chloe?",
        options = {
          { id = "immediate", label = "Call the obstetric registrar to see her now, and " ..
                                      "prepare to treat her blood pressure",
            next = "review" },
          { id = "repeat", label = "Recheck her blood pressure in 30 minutes, and ask the " ..
                                   "registrar to see her within the hour", next = "delay" },
          { id = "routine", label = "More paracetamol and a dark, quiet room, with a " ..
                                    "routine registrar review within 4 hours", next = "seizure" },
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
        feedback = function(s)
          local cue
          if s.variant == "ai_wrong" then
            cue = " The model's explanation leaned on a booking blood pressure from 24 weeks " ..
                  "ago and on headaches usually being benign; neither says anything about " ..
                  "today."
          else
            cue = " The model's reasons were the ones that mattered: the blood pressure, the " ..
                  "visual disturbance, the proteinuria and the unrelieved headache."
          end
          local severe = "A systolic of 162 mmHg is severe hypertension (NICE NG133), and " ..
                         "with proteinuria, an unrelieved headache, flashing lights and clonus " ..
                         "this is severe pre-eclampsia."
          return {
            immediate = severe .. " She needs immediate obstetric review and treatment of her " ..
                        "blood pressure." .. cue,
            ["repeat"] = severe .. " A recheck in 30 minutes waits on a number when her " ..
                         "symptoms already decide: she needs obstetric review now, not within " ..
                         "the hour." .. cue,
            routine = severe .. " Paracetamol and a quiet room treat a headache, not this, " ..
                      "which can progress to eclampsia or stroke within hours." .. cue,
          }
        end,
      },
      debrief = function(s)
        local why
        if s.variant == "ai_wrong" then
          why = "Here the model was wrong. Its explanation shows what pulled it " ..
                "down: a normal booking blood pressure from 24 weeks ago and the fact that " ..
                "most headaches it saw were benign. Neither says anything about today."
        else
          why = "Here the model was right, and its reasons were the ones that " ..
                "mattered."
        end
        return why .. " The careful cues were in front of you: a systolic of 162 mmHg " ..
               "(severe hypertension under NICE NG133 whatever the diastolic), visual " ..
               "disturbance, an unrelieved headache, proteinuria and clonus. Severe " ..
               "pre-eclampsia can progress to eclampsia or stroke within hours. A " ..
               "30-minute recheck is not a plan when the first reading is already severe, " ..
               "the second (158/104 mmHg) is just below that line, and her symptoms " ..
               "decide on their own. No early warning score was shown: NEWS2 is not for use in " ..
               "pregnancy, and at 162 mmHg systolic it would have scored nothing for her " ..
               "blood pressure. A national maternity early warning score has been " ..
               "developed for England (Gerry et al., BMJ Medicine 2024); use your unit's " ..
               "chart. Simplified: the unit's own triage system and escalation criteria " ..
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
        return start .. " confirms severe pre-eclampsia. She gives oral " ..
               "labetalol, sends bloods and a urine protein:creatinine ratio, and moves " ..
               "Chloe to a labour ward room with one-to-one care. An hour later her BP is " ..
               "154/100 mmHg and her headache is easing. The consultant is on the way in.\n\n" ..
               "A CTG has run for 40 minutes and the computerised analysis has reported."
      end,
      elapsed = 60,
      vitals = { sbp = 154, dbp = 100, hr = 90, pain = 4 },
      -- obs.lua's ranges are for adults who are not pregnant, and no UK
      -- pregnancy ranges were verified: haemoglobin, white cells and albumin
      -- are shown unflagged; platelets and ALT are flagged at NICE NG133's
      -- organ-dysfunction thresholds (below 150, over 40).
      results = obs.join(
        obs.result("Urine protein:creatinine ratio", 58, "mg/mmol", nil, 30),
        obs.result("Haemoglobin", 114, "g/L"),
        obs.result("White cell count", 10.8, "×10⁹/L"),
        obs.result("Platelets", 128, "×10⁹/L", 150, nil),
        obs.result("Bilirubin", 9, "µmol/L", nil, 21),
        obs.result("ALT", 48, "U/L", nil, 40),
        obs.result("Albumin", 29, "g/L"),
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
          { id = "section_now", label = "Category 1 caesarean section now, under general " ..
                                        "anaesthetic, to deliver the baby before she worsens",
            next = "crash_section" },
          { id = "stabilise", label = "Stabilise her first: treat her blood pressure, " ..
                                      "consider magnesium sulfate, keep the CTG running, " ..
                                      "then plan birth", next = "stable" },
          { id = "ward", label = "Stop the CTG, move her to the antenatal ward with " ..
                                 "4-hourly observations, and plan birth tomorrow",
            next = "abruption" },
        },
        best = { "stabilise" },
        advice = {
          tool = "ctg",
          recommend = "stabilise",
          confidence = nil,
          message = "Criteria MET at 20 minutes. Short-term variation 8.6 ms.",
          reasons = {
            { "Short-term variation 8.6 ms", 0.36 },
            { "Accelerations present", 0.22 },
            { "No decelerations", 0.18 },
            { "Baseline 140 /min", 0.07 },
          },
          timing = "with_case",
        },
        ask = { trust = true, rationale = "override" },
        feedback = {
          stabilise = "The trace met the criteria for a normal antenatal trace, so the baby " ..
                      "does not need delivering this minute: the danger is to the mother. " ..
                      "Magnesium sulfate should be considered in severe pre-eclampsia, " ..
                      "her blood pressure treated towards 135/85 mmHg, and the " ..
                      "timing of birth decided by a senior obstetrician with her (NICE NG133, " ..
                      "QS35).",
          section_now = "The CTG analysis found a normal trace: nothing about the baby calls " ..
                        "for a category 1 section, and the danger is to the mother. An " ..
                        "emergency general anaesthetic with her blood pressure still high " ..
                        "carries risks of its own, including a surge in blood pressure at " ..
                        "intubation; stabilise her first, then plan birth.",
          ward = "The analysis said the baby was well now; it says nothing about the next " ..
                 "hours, or about the mother. She has severe pre-eclampsia, with a low " ..
                 "platelet count and a raised ALT: she needs stabilising, close monitoring " ..
                 "and a senior obstetrician's plan for birth (NICE NG133), not 4-hourly " ..
                 "observations.",
        },
      },
      debrief = "The CTG analysis was right: the trace met its criteria for a normal " ..
                "antenatal trace, and nothing about the baby called for a category 1 " ..
                "section. It said nothing about the mother, and the danger was to her. An " ..
                "emergency section under general anaesthetic with uncontrolled blood " ..
                "pressure risks a hypertensive surge at intubation and a stroke. Overruling " ..
                "right advice because the situation feels urgent is still overruling right " ..
                "advice; stopping the CTG ignores the advice in the other direction. The " ..
                "careful cue was which patient was unstable. Simplified: the decision to " ..
                "plan birth, and when, belongs to a senior obstetrician with the woman " ..
                "(NICE QS35).",
    },

    stable = {
      title = "Planned birth",
      text = "Over the evening her blood pressure comes down towards the target of 135/85 " ..
             "mmHg. With magnesium sulfate running, the consultant agrees a plan with " ..
             "Chloe, and her labour is induced under one-to-one care.",
      elapsed = 600,
      vitals = { sbp = 140, dbp = 88, hr = 86, pain = 2 },
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
      title = function(s) return "The antenatal ward, " .. at(s) end,
      text = "Four hours after the move, Chloe calls for help: sudden abdominal pain and " ..
             "bleeding. The baby's heart rate is 80 /min.",
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
