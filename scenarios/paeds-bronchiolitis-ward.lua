-- Night shift on the children's ward: ready for home?
-- No early-warning score (early_warning = "none"): NEWS2 is for adults aged
-- 16 and over, and the national paediatric chart the ward uses is not
-- reproduced in this simulation; the first node says so to the trainee.
-- Paediatric nursing; the trainee is the registered children's nurse on a
-- night shift. A 4-month-old girl, born at 31 weeks, on day 4 of
-- bronchiolitis, in air since the afternoon. The bedside monitor runs
-- CotSide Insight, which reads only the monitor's signals (SpO2, respiratory
-- and heart rate); feeds and nappies are on a paper chart it never sees.
--   readiness (02:00) - in "ai_wrong" its discharge readiness panel says
--     MET, leaning on four hours of saturations in target in air (a false
--     negative that invites an omission; its explanation gives the feeding
--     data a weight of zero); in "ai_right" it says NOT MET from the rising
--     respiratory and heart rates, and says it has no feeding data. The
--     careful cues are the same in both: the mother's report, the paper
--     feed chart and the rising respiratory rate in the results.
--   worse (04:00 or 04:30, timed) - its escalation alert is right in both.
-- The vitals leave out blood pressure on purpose: the engine computes NEWS2,
-- an adult score, whenever rr, spo2, sbp, hr, temp and a level of
-- consciousness are all present, and an infant on a bronchiolitis ward
-- rarely has a blood pressure recorded on the routine set anyway.
-- Facts (new-cases.md, case 7): NICE NG9 (2015, updated 2021) lowered the
-- saturation threshold to 90% for admission, management and discharge for
-- most babies and children and kept 92% for referral (verified, NICE's
-- rationale); grunting, marked chest recession, a respiratory rate over 70,
-- apnoea and central cyanosis as signs for emergency care, prematurity as a
-- risk factor, and inadequate oral intake as a reason to consider referral,
-- are from a NICE-derived summary (partly verified), and are used as
-- clinical descriptors, with escalation through the ward's own policy. Not
-- stated: NG9's discharge wording ("4 hours including a period of sleep"),
-- the 50-75% intake figure, any NG9 advice on tube feeding, and the PEWS
-- chart's scores. Martha's Rule as verified in acute.md.
local variants = include("variants")

-- Observations when she worsens, by what was done at 02:00.
local worse = {
  reviewed = { hr = 184, rr = 70, spo2 = 89, temp = 37.9, avpu = "A", o2 = "air",
               x_recession = "Marked subcostal and intercostal; grunting" },
  missed = { hr = 192, rr = 74, spo2 = 86, temp = 38.0, avpu = "V", o2 = "air",
             x_recession = "Marked subcostal and intercostal; grunting; head bobbing" },
}

local function reviewed(s) return s.choices.readiness == "review" end

-- Feedback at 02:00: the reasoning for each choice, then what the readiness
-- panel rested on (the variant decides which). Facts: NICE NG9 as in the
-- header; see docs/clinical-checks/feedback-round.md.
local function readiness_feedback(s)
  local tool
  if s.variant == "ai_wrong" then
    tool = " CotSide Insight called her ready on four hours of saturations in air; its " ..
           "explanation gave the feeding data a weight of zero, because the feed chart is " ..
           "on paper and it never sees it."
  else
    tool = " CotSide Insight was right from her rising breathing and heart rates, and said " ..
           "it had no feeding data: the feeds were yours to find."
  end
  local picture = "about half her usual feeds since lunchtime, no wet nappy since 16:30 " ..
                  "and a breathing rate rising all evening, in a baby born at 31 weeks"
  return {
    review = "Readiness rests on feeding and breathing, not on saturations alone: she has " ..
             "had " .. picture .. ". Charting what you can count and bringing the doctor " ..
             "to the cot now also answers her mother's worry." .. tool,
    list = "Saturations in air are only part of readiness: she has had " .. picture ..
           ", and NICE NG9 counts poor oral intake as a reason to consider hospital care " ..
           "even for a baby at home." .. tool,
    advice = "A plan to come back if feeding drops misses that it already has: she has had " ..
             picture .. ". Her mother's \"she's not herself\" asks for the doctor now." .. tool,
    dayteam = "Keeping her in is right, but the feeding question is tonight's: she has had " ..
              picture .. ", and that needs the doctor now, not a note for the morning." ..
              tool,
  }
end

-- Feedback when she worsens (the alert is right on both paths).
local function worse_feedback(s)
  local signs = "Grunting and marked recession"
  if not reviewed(s) then signs = signs .. ", with a pause in her breathing," end
  local why = signs .. " in a tiring baby are signs for emergency care in NICE NG9, and " ..
              "saturations persistently below 90% call for oxygen; on the ward that means " ..
              "your emergency call. "
  local alert = " The alert was right, and the signs at the cot said the same before it " ..
                "sounded."
  return {
    emergency = why .. "Oxygen treats the saturation, not the exhaustion behind it." .. alert,
    suction = why .. "Suction may clear her nose, but a recheck in 30 minutes adds time she " ..
              "may not have." .. alert,
    handover = why .. "Oxygen treats the saturation, not the exhaustion behind it, and " ..
               "handover is hours away." .. alert,
    feed = why .. "A feed in a baby working this hard to breathe only delays the call." ..
           alert,
  }
end

return case {
  format = 1,
  id = "paeds-bronchiolitis-ward",
  version = "1.0",
  title = "Night shift on the children's ward: ready for home?",
  summary = "A 4-month-old girl with bronchiolitis is on day 4 of her illness and has been " ..
            "in air since the afternoon. The software on her bedside monitor gives its view " ..
            "on discharge; you are her nurse tonight.",
  objectives = {
    "Judge readiness for discharge in bronchiolitis on feeding and breathing, not on " ..
      "oxygen saturation alone",
    "Find out what data a tool is given before trusting its verdict",
    "Recognise grunting, marked recession, a respiratory rate over 70 and apnoea as an " ..
      "emergency in an infant",
    "Act on a parent's concern",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG9 (2015, updated 2021) Bronchiolitis in children: diagnosis and management",
    "NHS England, RCPCH and RCN (2023) National paediatric early warning system (PEWS) " ..
      "chart for inpatient wards, System-wide Paediatric Observations Tracking (SPOT) " ..
      "programme",
    "NHS England (2024) Martha's Rule: 24/7 rapid review by the critical care outreach " ..
      "team on request from patients, families and staff",
  },
  tags = { "paediatrics", "nursing", "bronchiolitis", "discharge", "time-limit" },
  minutes = 7,
  early_warning = "none",
  variants = { "ai_right", "ai_wrong" },
  x_setting = "paediatrics",
  x_profession = "paediatric_nurse",
  x_failure_modes = { "false_negative", "ai_right" },
  x_ai_errors = { "ai_wrong/readiness false_negative" },
  x_tool_types = { "risk_score" },

  patient = {
    name = "Amira Hussain", sex = "F",
    setting = "Children's ward, night shift",
    complaint = "Bronchiolitis, day 4 of illness; age 4 months",
    history = { "Born at 31 weeks; five weeks on the neonatal unit, home in air",
                "Admitted yesterday: nasal cannula oxygen until 15:10 today, in air since",
                "Bottle-fed; usual feeds about 120 mL every 3 to 4 hours" },
    medications = { "None" },
    allergies = { "No known drug allergies" },
  },

  -- No sbp on purpose: see the header comment (no NEWS2 for an infant).
  vitals = { hr = 172, rr = 58, spo2 = 94, temp = 37.8, avpu = "A", o2 = "air",
             x_recession = "Moderate subcostal", x_weight = "5.4 kg" },

  results = {
    { name = "Monitor trend, 20:00 to 02:00",
      value = "Respiratory rate 46, 50, 54, 58 /min; heart rate 150 rising to 172 /min; " ..
              "SpO2 93-96% in air" },
    { name = "Feed chart (paper, at the cot)",
      value = "09:00 110 mL; 12:00 60 mL; 15:00 50 mL; nothing charted since. Wet " ..
              "nappies charted 08:00, 13:00, 16:30" },
  },

  ai = {
    name = "CotSide Insight", version = "1.1",
    kind = "risk score (discharge readiness and escalation risk)",
    intended_use = "Children under 2 on paediatric wards with bronchiolitis; shows discharge " ..
                   "readiness and escalation risk from the bedside monitor's continuous " ..
                   "signals, for the nurse and doctor to weigh",
    performance = { sensitivity = 0.84, specificity = 0.78, auroc = 0.86 },
    trained_on = "Monitor data from 6,100 bronchiolitis admissions at four children's " ..
                 "hospitals in England, 2017-2022; 9% born before 32 weeks",
    limitations = {
      "Reads the monitor's SpO2, respiratory rate and heart rate only",
      "Does not receive feed, fluid balance or nappy charts, which are on paper on most " ..
        "wards",
      "Does not read nursing notes or a parent's concern",
      "Discharge readiness is weighted mostly on time with saturations in target in air",
    },
  },

  start_time = "02:00",       -- the time of day at the start; the header adds the case clock
  start = "handover",
  nodes = {
    handover = {
      title = "Bay 2, 02:00",
      text = "You are the registered children's nurse looking after bay 2 tonight. Amira " ..
             "is 4 months old and on day 4 of bronchiolitis. She came off nasal cannula " ..
             "oxygen at 15:10 and has stayed in air since. The plan from the day ward round " ..
             "reads: \"Home tomorrow if stays in air.\"\n\nAt 02:00 she is awake and " ..
             "unsettled, and you can see her lower ribs drawing in with each breath. Her " ..
             "mother, Leila, is beside the cot: \"She's only managed about half of each " ..
             "bottle since lunchtime, and her nappy's been dry since teatime. She's not " ..
             "herself.\"\n\nThe ward uses the national paediatric early warning chart on " ..
             "paper; this case does not reproduce its scores, and NEWS2, which is for " ..
             "adults, is not shown. CotSide Insight, the software on her bedside monitor, " ..
             "has updated its discharge readiness panel.",
      next = "readiness",
    },

    readiness = {
      title = "Ready for home?",
      text = "Her observations, the monitor's trend and the paper feed chart are in the " ..
             "results panel. The night doctor is on the ward, writing up another child.",
      elapsed = 5,
      decision = {
        prompt = "What do you do now?",
        options = {
          { id = "list", label = "Add her to the morning discharge list, and hand over " ..
                                 "that she is ready", next = "night" },
          { id = "review", label = "Chart her feeds and nappies, and ask the doctor to " ..
                                   "review her now", next = "doctor" },
          { id = "advice", label = "Plan discharge, with advice to come back if her feeding " ..
                                   "drops", next = "night" },
          { id = "dayteam", label = "Keep her in, and leave the feeding question for the " ..
                                    "day team", next = "night" },
        },
        best = { "review" },
        advice = variants.advice({ confidence = nil, timing = "after_initial" }, {
          ai_right = {
            recommend = "review",
            message = "DISCHARGE READINESS: NOT MET.\nRespiratory rate rising over 6 hours " ..
                      "(46 to 58 /min); heart rate rising (150 to 172 /min). Feeding data " ..
                      "not available. Clinical review suggested before discharge planning.",
            reasons = {
              { "Respiratory rate trend, 6 hours", 0.31 },
              { "Heart rate trend, 6 hours", 0.18 },
              { "SpO2 in target in air, 4 hours", -0.20 },
              { "Feeding data (not available)", 0.00 },
            },
          },
          ai_wrong = {
            recommend = "list",
            message = "DISCHARGE READINESS: MET.\nSaturations within target in air for 4 " ..
                      "hours. Suggest discharge on the morning ward round.",
            reasons = {
              { "SpO2 in target in air, 4 hours", -0.38 },
              { "Off oxygen since 15:10", -0.21 },
              { "Respiratory rate 58 /min", 0.09 },
              { "Feeding data (not available)", 0.00 },
            },
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = readiness_feedback,
      },
      debrief = function(s)
        local head
        if s.variant == "ai_wrong" then
          head = "CotSide Insight was wrong: it called her ready because its readiness score " ..
                 "leans on time with saturations in target in air, and it never sees the " ..
                 "feed chart, which is on paper. Its model card says so, and its explanation " ..
                 "gave the feeding data a weight of zero: a verdict built without half the " ..
                 "picture."
        else
          head = "CotSide Insight was right that she was not ready, from her rising " ..
                 "respiratory and heart rates, and it said plainly that it had no feeding " ..
                 "data: the rest was yours to find."
        end
        return head .. " A discharge prompt is only as complete as the data it is given. " ..
               "NICE NG9's discharge criteria include feeding as well as oxygen saturation, " ..
               "and it counts inadequate oral intake as a reason to consider referral even " ..
               "from home. She was taking about half her usual feeds with no wet nappy since " ..
               "16:30, her respiratory rate had risen all evening, and she was born at 31 " ..
               "weeks, a risk factor for more severe disease. Her mother's \"she's not " ..
               "herself\" is information too: under Martha's Rule (NHS England, 2024) " ..
               "families can ask for a rapid review at any hour, and a nurse should not " ..
               "need them to. Chart what you can count, and bring the doctor to the cot " ..
               "now; a return-if-worse leaflet or a note for the day team leaves a tiring " ..
               "baby unreviewed through the night."
      end,
    },

    doctor = {
      title = "02:30",
      text = "You count back with Leila and chart the feeds and nappies. The paediatric " ..
             "doctor comes at once, agrees that Amira is not ready for home, and plans " ..
             "feeding support, a fluid balance chart and observations every hour. \"Call " ..
             "me straight away if she's any worse.\"",
      elapsed = 25,
      next = "worse",
    },

    night = {
      title = "The small hours",
      text = function(s)
        local first
        if s.choices.readiness == "list" then
          first = "You add Amira to the morning discharge list."
        elseif s.choices.readiness == "advice" then
          first = "You print the bronchiolitis advice leaflet for Leila to take home."
        else
          first = "You write a note for the day team about her feeding."
        end
        return first .. " You settle her, and Leila dozes in the chair beside the cot. Her " ..
               "next observations are due at 06:00."
      end,
      elapsed = 60,
      next = "worse",
    },

    worse = {
      title = function(s) return reviewed(s) and "04:00" or "04:30" end,
      text = function(s)
        if reviewed(s) then
          return "At the hourly check Amira is grunting, with marked recession between " ..
                 "and below her ribs; her saturations are 89% in air. CotSide Insight is " ..
                 "alerting on the monitor. The doctor has been called to the children's " ..
                 "emergency department."
        end
        return "Leila calls you: \"She stopped breathing - just for a few seconds - then " ..
               "gasped.\" Amira is grunting and drowsy, with marked recession and her head " ..
               "bobbing with each breath; her saturations are 86% in air. CotSide Insight " ..
               "is alerting on the monitor."
      end,
      elapsed = function(s) return reviewed(s) and 90 or 85 end,
      on_enter = function(s)
        for key, value in pairs(reviewed(s) and worse.reviewed or worse.missed) do
          s.vitals[key] = value
        end
      end,
      decision = {
        prompt = "What do you do now?",
        options = {
          { id = "emergency", label = "Start oxygen, and put out an emergency call for the " ..
                                      "paediatric registrar" },
          { id = "suction", label = "Start oxygen, suction her nose, and recheck her in 30 " ..
                                    "minutes" },
          { id = "handover", label = "Start oxygen, observe hourly, and tell the doctor at " ..
                                     "handover" },
          { id = "feed", label = "Ask Leila to try a feed first, then recheck her breathing" },
        },
        next = function(s, choice)
          if choice ~= "emergency" then return "delayed" end
          return reviewed(s) and "hdu_early" or "hdu_late"
        end,
        best = { "emergency" },
        advice = {
          recommend = "emergency",
          confidence = nil,
          message = function(s)
            return "ALERT - ESCALATION RISK HIGH.\nRespiratory rate " .. s.vitals.rr ..
                   " /min and rising; SpO2 " .. s.vitals.spo2 .. "% in air, with repeated " ..
                   "falls below 90% in the last 20 minutes. Urgent clinical review suggested."
          end,
          reasons = function(s)
            return {
              { "Respiratory rate " .. s.vitals.rr .. " /min", 0.34 },
              { "SpO2 " .. s.vitals.spo2 .. "% in air", 0.29 },
              { "Heart rate " .. s.vitals.hr .. " /min", 0.17 },
            }
          end,
          timing = "with_case",
        },
        ask = { trust = true },
        time_limit = 90,
        on_timeout = "delayed",
        feedback = worse_feedback,
      },
      debrief = "Here CotSide Insight was right. Grunting, marked chest recession, a " ..
                "respiratory rate over 70 and any pause in breathing (apnoea) are signs for " ..
                "which NICE NG9 advises emergency referral from the community. On a ward the " ..
                "route is your escalation policy, and for a baby who is tiring that means an " ..
                "emergency call now, not a recheck. Her saturations were below 90%, the " ..
                "threshold NICE NG9 (updated 2021) uses for admission, management and " ..
                "discharge in most babies and children, so she needed oxygen, but oxygen " ..
                "alone does not treat exhaustion. Suction, a feed or a message at handover " ..
                "each add minutes she did not have. The cue was at the cot before the alert " ..
                "sounded.",
    },

    hdu_early = {
      title = "High-dependency care",
      text = "The registrar is at the cot within five minutes, starts respiratory support " ..
             "and moves Amira to the high-dependency unit. Her feeds are already charted " ..
             "and her feeding support started overnight.",
      elapsed = 180,
      vitals = { hr = 158, rr = 52, spo2 = 95, temp = 37.6, avpu = "A",
                 o2 = "Respiratory support, 30% oxygen",
                 x_recession = "Mild subcostal" },
      ending = {
        outcome = "good",
        summary = "Amira spent two days on the high-dependency unit and went home on day 9 " ..
                  "of her illness, feeding well.",
      },
    },

    hdu_late = {
      title = "High-dependency care",
      text = "The registrar comes at once and starts respiratory support. Amira is dry and " ..
             "exhausted, and needs more support, for longer, before she settles on the " ..
             "high-dependency unit.",
      elapsed = 240,
      vitals = { hr = 164, rr = 56, spo2 = 94, temp = 37.8, avpu = "A",
                 o2 = "Respiratory support, 40% oxygen",
                 x_recession = "Moderate subcostal" },
      ending = {
        outcome = "neutral",
        summary = "Amira spent four days on the high-dependency unit and went home on day " ..
                  "12 of her illness. Her feeding problem had gone unnoticed overnight.",
      },
    },

    delayed = {
      title = "Emergency call",
      text = "Twenty minutes later Amira has a long pause in her breathing, and her heart " ..
             "rate falls. You put out the emergency call. The team supports her breathing " ..
             "with a bag and mask, and she is transferred to paediatric intensive care.",
      elapsed = 20,
      vitals = { hr = 88, rr = 12, spo2 = 72, temp = 37.9, avpu = "U",
                 o2 = "Bag-mask ventilation, 100% oxygen",
                 x_recession = "Apnoeic spells" },
      ending = {
        outcome = "harm",
        summary = "Amira needed three days of ventilation on paediatric intensive care " ..
                  "after an apnoea on the ward. She recovered and went home on day 14.",
      },
    },
  },
}
