-- Seven alerts before the ward round: screening a chart through alert fatigue.
-- Pharmacy. The prescribing system raises alert after alert, each with a
-- suggested action ranked by a model. Alerts 3 to 6 are noise. Of the first
-- two, one suggestion is right and one is an unnecessary change (a false
-- positive that invites a commission): the paracetamol suggestion in
-- "ai_wrong_first", the simvastatin suggestion in "ai_wrong_second". The last
-- alert, trimethoprim with methotrexate, is right in both and is the one that
-- matters; the best response also holds the methotrexate dose due today
-- during the acute infection. Alerts carry no confidence, as in most
-- prescribing systems.
local models = include("models")
local obs = include("obs")
local variants = include("variants")

-- Feedback texts. Facts as in the debriefs (BNF paracetamol dose, MHRA 2012
-- simvastatin limit, NHS SPS on trimethoprim with methotrexate, NICE NG109,
-- local shared-care protocols on withholding methotrexate); see
-- docs/clinical-checks/feedback-round.md.
local paracetamol_dose = "The BNF adult dose is 0.5-1 g every 4-6 hours to a maximum of 4 g " ..
                         "daily, lower for adults at higher risk of liver toxicity, such as " ..
                         "those under 50 kg or with liver disease"

local function paracetamol_feedback(s)
  local alert
  if s.variant == "ai_wrong_first" then
    alert = " The alert fires on reaching the maximum, not on exceeding it, and its own " ..
            "explanation showed his weight: that was the cue."
  else
    alert = " The alert fires on reaching the maximum, not on exceeding it; its suggested " ..
            "action weighed his weight and liver tests as you would."
  end
  return {
    accept = paracetamol_dose .. ". At 82 kg with normal liver tests, 1 g four times daily " ..
             "is right, and recording why helps the next person who meets the alert." .. alert,
    reduce = paracetamol_dose .. ". He weighs 82 kg with normal liver tests, so halving the " ..
             "dose only undertreats his knee pain." .. alert,
    suspend = paracetamol_dose .. ". He weighs 82 kg with normal liver tests: nothing is " ..
              "unsafe, and suspending it leaves his knee pain untreated until the round." ..
              alert,
  }
end

local function statin_feedback(s)
  local alert
  if s.variant == "ai_wrong_second" then
    alert = " The alert fires on the pair of medicines whatever the dose, as its model card " ..
            "says, and its explanation gave the dose no weight: the dose was the cue."
  else
    alert = " The alert fires on the pair of medicines whatever the dose, as its model card " ..
            "says; here its suggestion weighed the dose, and its explanation shows it."
  end
  local limit = "The interaction is real, but the MHRA (2012) limits simvastatin to 20 mg " ..
                "daily with amlodipine, and he takes 20 mg"
  return {
    continue = limit .. ": no change is needed." .. alert,
    stop = limit .. ". Stopping it removes his cardiovascular protection for no gain." .. alert,
    switch = limit .. ": a switch is not needed, and changes a settled medicine that his GP " ..
             "then has to sort out." .. alert,
  }
end

local pair = "trimethoprim and methotrexate are both folate antagonists, and the NHS " ..
             "Specialist Pharmacy Service advises avoiding the pair because of bone marrow " ..
             "suppression"
local alternative = "NICE NG109 offers nitrofurantoin for lower UTI in men when the eGFR is " ..
                    "45 or more (his is 64)"
local withhold = "methotrexate is due today: local shared-care protocols advise withholding " ..
                 "it while an acute infection is treated"

return case {
  format = 1,
  id = "pharmacy-alerts",
  version = "2.0",
  title = "Seven alerts before the ward round",
  summary = "You are the ward pharmacist screening a new admission's chart. The " ..
            "prescribing system has something to say about almost every line. Decide " ..
            "which alerts deserve action.",
  objectives = {
    "Check an alert's suggested action against the BNF and the patient before acting on " ..
      "it or dismissing it",
    "Recognise a dangerous interaction: trimethoprim with methotrexate",
    "Hold methotrexate during an acute infection, and choose an alternative antibiotic " ..
      "for lower UTI in a man (NICE NG109)",
    "Notice how a run of unhelpful alerts lowers attention to the next one",
  },
  authors = { "Appraise project" },
  references = {
    "BNF: paracetamol (dose); simvastatin and methotrexate (interactions)",
    "MHRA Drug Safety Update (August 2012) Simvastatin: updated advice on drug interactions",
    "NHS Specialist Pharmacy Service (2025) Managing interactions with methotrexate",
    "MHRA Drug Safety Update (September 2020) Methotrexate once-weekly for autoimmune " ..
      "diseases: new measures to reduce risk of fatal overdose due to inadvertent daily " ..
      "instead of weekly dosing",
    "Ledingham J et al. (2017) BSR and BHPR guideline for the prescription and monitoring " ..
      "of non-biologic disease-modifying anti-rheumatic drugs. Rheumatology (Oxford) " ..
      "56:865-868",
    "NICE NG109 (2018) Urinary tract infection (lower): antimicrobial prescribing",
    "Royal Pharmaceutical Society (2021) A competency framework for all prescribers",
  },
  tags = { "pharmacy", "prescribing", "alerts" },
  minutes = 10,
  variants = { "ai_wrong_first", "ai_wrong_second" },
  x_setting = "pharmacy",
  x_profession = "pharmacist",
  x_tool_types = { "alerting" },
  x_failure_modes = { "alert_fatigue", "false_positive", "ai_right" },
  x_ai_errors = { "ai_wrong_first/paracetamol false_positive",
                  "ai_wrong_second/statin false_positive" },

  patient = {
    name = "Dennis Marsh", age = 67, sex = "M",
    setting = "Acute medical unit, Monday morning",
    complaint = "Fall at home; dysuria and frequency for 2 days",
    history = { "Rheumatoid arthritis", "Hypertension", "Hypercholesterolaemia",
                "Gastro-oesophageal reflux", "Weight 82 kg" },
    medications = {
      "Methotrexate 15 mg once a week (Mondays)",
      "Folic acid 5 mg once a week (Thursdays)",
      "Amlodipine 10 mg once daily",
      "Simvastatin 20 mg at night",
      "Omeprazole 20 mg once daily",
      "New: paracetamol 1 g four times daily",
      "New: trimethoprim 200 mg twice daily for 7 days",
    },
    allergies = { "No known drug allergies" },
  },

  vitals = { hr = 84, sbp = 134, dbp = 78, rr = 16, spo2 = 97, temp = 37.4, avpu = "A",
             o2 = "air" },

  results = obs.join(
    obs.fbc { hb = 136, wbc = 6.1, neut = 4.2, plt = 232 },
    obs.ue { na = 138, k = 4.4, urea = 6.2, creat = 104, egfr = 64 },
    obs.lft { bili = 9, alt = 24, alp = 88, alb = 39 },
    { name = "Urine dipstick", value = "Leucocytes ++, nitrites +; culture sent" }
  ),

  ai = models.card("rx"),

  start_time = "09:00",       -- the time of day at the start; the header adds the case clock
  start = "chart",
  nodes = {
    chart = {
      title = "Clinical screening",
      text = "Mr Marsh was clerked overnight after a fall at home, which the team puts " ..
             "down to a lower urinary tract infection; he has no fever, loin pain or " ..
             "confusion. You are screening his chart before the 10:00 ward round. You " ..
             "have eleven more charts to screen this morning.\n\nEach time you open a " ..
             "prescription, RxGuard shows its alerts with a suggested action.",
      next = "paracetamol",
    },

    paracetamol = {
      title = "Alert 1 of 7: paracetamol",
      text = "Paracetamol 1 g orally four times daily, started overnight for knee pain " ..
             "after the fall.",
      decision = {
        prompt = "What do you do with this alert?",
        options = {
          { id = "reduce", label = "Ask the prescriber to reduce the dose to 500 mg four " ..
                                   "times daily" },
          { id = "accept", label = "Accept 1 g four times daily as written, and record why" },
          { id = "suspend", label = "Suspend the paracetamol until the ward round has seen him" },
        },
        next = "statin",
        best = { "accept" },
        advice = variants.advice({ confidence = nil, timing = "with_case" }, {
          ai_wrong_first = {
            recommend = "reduce",
            message = "DOSE ALERT - paracetamol 4 g in 24 hours reaches the maximum daily " ..
                      "dose. Suggested action: reduce the dose.",
            reasons = {
              { "Total daily dose 4 g = maximum", 0.52 },
              { "Age over 65", 0.14 },
              { "Weight 82 kg", -0.20 },
            },
          },
          ai_wrong_second = {
            recommend = "accept",
            message = "DOSE ALERT - paracetamol 4 g in 24 hours reaches the maximum daily " ..
                      "dose. Weight 82 kg; liver function normal. Suggested action: no " ..
                      "change needed.",
            reasons = {
              { "Total daily dose 4 g = maximum", 0.38 },
              { "Weight 82 kg", -0.30 },
              { "Liver function tests normal", -0.22 },
              { "Age over 65", 0.10 },
            },
          },
        }),
        ask = { trust = true, rationale = "override" },
        feedback = paracetamol_feedback,
      },
      debrief = function(s)
        local head
        if s.variant == "ai_wrong_first" then
          head = "The suggestion was wrong: a false positive. "
        else
          head = "The suggestion was right: no change. "
        end
        local tail = "The alert fires on reaching the maximum, not on exceeding it; the cue " ..
                     "was his weight and bloods, which the alert's own explanation shows."
        if s.variant ~= "ai_wrong_first" then
          tail = "The alert fires on reaching the maximum, not on exceeding it, and its " ..
                 "suggested action weighed his weight and bloods as you would."
        end
        return head .. "The BNF adult dose is 0.5-1 g every 4-6 hours to a maximum of 4 g " ..
               "daily; a lower dose is considered for adults at higher risk of liver " ..
               "toxicity, for example those weighing under 50 kg or with liver disease. " ..
               "Mr Marsh weighs 82 kg and his liver tests are normal, so 1 g four times " ..
               "daily is right. " .. tail
      end,
    },

    statin = {
      title = "Alert 2 of 7: simvastatin",
      text = "Simvastatin 20 mg at night, continued from home. He also takes amlodipine " ..
             "10 mg daily.",
      decision = {
        prompt = "What do you do with this alert?",
        options = {
          { id = "switch", label = "Recommend switching the simvastatin to atorvastatin " ..
                                   "because of the interaction" },
          { id = "stop", label = "Recommend stopping the simvastatin while he takes amlodipine" },
          { id = "continue", label = "Continue both: 20 mg is within the simvastatin limit " ..
                                     "with amlodipine" },
        },
        next = "noise",
        best = { "continue" },
        advice = variants.advice({ confidence = nil, timing = "with_case" }, {
          ai_wrong_first = {
            recommend = "continue",
            message = "INTERACTION - simvastatin with amlodipine: increased risk of " ..
                      "myopathy; simvastatin not to exceed 20 mg daily with this " ..
                      "combination. Suggested action: no change at the current dose.",
            reasons = {
              { "Interacting pair: simvastatin + amlodipine", 0.61 },
              { "Simvastatin dose 20 mg: at the limit, not over it", -0.45 },
            },
          },
          ai_wrong_second = {
            recommend = "stop",
            message = "INTERACTION - simvastatin with amlodipine: increased risk of " ..
                      "myopathy. Suggested action: stop simvastatin.",
            reasons = {
              { "Interacting pair: simvastatin + amlodipine", 0.61 },
              { "Simvastatin dose 20 mg", 0.00 },
            },
          },
        }),
        ask = { trust = true, rationale = "override" },
        feedback = statin_feedback,
      },
      debrief = variants.pick {
        ai_wrong_second =
          "The suggestion was wrong: a false positive. The interaction is real, which is " ..
          "why it feels right to act, but the MHRA (2012) limits simvastatin to 20 mg " ..
          "daily with amlodipine, and he takes 20 mg. Stopping the statin would remove his " ..
          "cardiovascular protection for no gain, and a switch is not needed. The model " ..
          "card says the alert fires on the pair of medicines whatever the dose; its " ..
          "explanation gave the dose no weight. The cue was the dose.",
        ai_wrong_first =
          "The suggestion was right: no change. The interaction is real, which is why " ..
          "stopping or switching can feel like the safe thing to do, but the MHRA (2012) " ..
          "limits simvastatin to 20 mg daily with amlodipine, and he takes 20 mg. " ..
          "Stopping the statin would remove his cardiovascular protection for no gain. " ..
          "The alert still fired on the pair of medicines, as its model card says it " ..
          "always will; this time the suggested action took the dose into account, and " ..
          "the explanation shows that it did. The cue was the dose.",
      },
    },

    noise = {
      title = "Alerts 3 to 6",
      text = "Four more alerts follow, each with a suggested action:\n\n" ..
             "**Omeprazole** - long-term use: consider the risk of fractures and " ..
             "hypomagnesaemia. (Reviewed by his GP in the spring.)\n\n" ..
             "**Folic acid** - unusual dosing frequency (once a week). (Deliberate: " ..
             "weekly folic acid with weekly methotrexate.)\n\n" ..
             "**Amlodipine** - patient over 65: monitor for ankle oedema.\n\n" ..
             "**Methotrexate** - once-weekly dosing: confirm the day. (Mondays, as on " ..
             "the chart.)\n\n" ..
             "You dismiss all four. It is 09:40.",
      elapsed = 40, -- 09:40, as the text says
      next = "trimethoprim",
    },

    trimethoprim = {
      title = "Alert 7 of 7: trimethoprim",
      text = "Trimethoprim 200 mg orally twice daily for 7 days, started overnight for a " ..
             "lower urinary tract infection. His methotrexate dose is due today.",
      decision = {
        prompt = "What do you do with this alert?",
        options = {
          { id = "monitor", label = "Accept trimethoprim, give today's methotrexate, and ask " ..
                                    "for a blood count at the end of the course" },
          { id = "accept", label = "Accept trimethoprim and today's methotrexate: a 7-day " ..
                                   "course, and his blood count is normal" },
          { id = "change_only", label = "Ask the prescriber to switch to nitrofurantoin 100 mg " ..
                                        "MR twice daily for 7 days; give today's methotrexate" },
          { id = "change", label = "Ask the prescriber to switch to nitrofurantoin 100 mg MR " ..
                                   "twice daily for 7 days and hold today's methotrexate" },
        },
        next = function(s, choice)
          if choice == "change" or choice == "change_only" then return "changed" end
          if choice == "monitor" then return "monitored" end
          return "toxicity"
        end,
        best = { "change" },
        advice = {
          recommend = "change",
          confidence = nil,
          message = "INTERACTION - trimethoprim with methotrexate: increased risk of " ..
                    "methotrexate toxicity, including bone marrow suppression. Suggested " ..
                    "action: use an alternative antibiotic; review methotrexate during " ..
                    "acute infection.",
          reasons = {
            { "Interacting pair: trimethoprim + methotrexate", 0.66 },
            { "Severity: severe", 0.24 },
          },
          timing = "with_case",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          change = "Both changes are needed: " .. pair .. ". " .. alternative .. ". His " ..
                   withhold .. ". The alert looked like the six before it; the drug pair " ..
                   "itself was the cue.",
          change_only = "Switching the antibiotic removes the interaction: " .. pair .. ". " ..
                        alternative .. ". But his " .. withhold .. ".",
          monitor = "A blood count at the end of the course finds the harm rather than " ..
                    "preventing it: " .. pair .. ". " .. alternative .. ". His " .. withhold ..
                    ".",
          accept = "A normal blood count today does not protect him: " .. pair .. ", which " ..
                   "can be dangerous even over a short course. " .. alternative .. ". His " ..
                   withhold .. ".",
        },
      },
      debrief = "The alert was right, and it looked exactly like the six before it. " ..
                "Trimethoprim is a folate antagonist like methotrexate; together they raise " ..
                "the risk of bone marrow suppression, and the NHS Specialist Pharmacy " ..
                "Service advises avoiding the pair, so the combination is avoided when an " ..
                "alternative exists. A normal blood count today does not protect him, and a " ..
                "check at the end of the course finds harm rather than preventing it. NICE " ..
                "NG109 offers nitrofurantoin as a first choice for lower UTI in men when the " ..
                "eGFR is 45 or more (his is 64), so an easy alternative exists. And his " ..
                "methotrexate is due today: local shared-care protocols advise withholding " ..
                "it while an acute infection is treated, and restarting once he is well, " ..
                "with rheumatology advice if unsure. The cue was the drug pair itself, " ..
                "which a pharmacist knows to be dangerous. When most alerts are noise, " ..
                "overriding becomes a habit: the defence is to read each one for what it says.",
    },

    changed = {
      title = "Ward round",
      text = function(s)
        local mtx = "holds this week's methotrexate until the infection has settled"
        if s.choices.trimethoprim == "change_only" then
          mtx = "gives his methotrexate as usual"
        end
        return "The FY1 changes the antibiotic to nitrofurantoin and " .. mtx .. ". The " ..
               "urine culture grows E. coli sensitive to nitrofurantoin. Mr Marsh is " ..
               "assessed by the falls team and goes home on day 3."
      end,
      elapsed = 4320,
      ending = {
        outcome = function(s)
          if s.choices.trimethoprim == "change" and s.choices.paracetamol == "accept" and
             s.choices.statin == "continue" then
            return "good"
          end
          return "neutral"
        end,
        summary = function(s)
          local extra = {}
          if s.choices.trimethoprim == "change_only" then
            extra[#extra + 1] = "his methotrexate was given during the infection"
          end
          if s.choices.paracetamol ~= "accept" then
            extra[#extra + 1] = "his knee pain was undertreated after a needless change " ..
                                "to his paracetamol"
          end
          if s.choices.statin ~= "continue" then
            extra[#extra + 1] = "his statin was changed without need and his GP had to " ..
                                "sort it out"
          end
          local text = "The dangerous combination never reached Mr Marsh."
          if #extra > 0 then text = text .. " But " .. table.concat(extra, ", and ") .. "." end
          return text
        end,
      },
    },

    monitored = {
      title = "Day 7",
      text = "Mr Marsh goes home on trimethoprim, and is given his methotrexate that " ..
             "Monday. The end-of-course blood count shows neutrophils of 1.1 ×10⁹/L and " ..
             "platelets of 96 ×10⁹/L; he has mouth ulcers.",
      elapsed = 10080,
      results = obs.fbc { hb = 121, wbc = 2.4, neut = 1.1, plt = 96 },
      ending = {
        outcome = "harm",
        summary = "The monitoring found the harm it could not prevent: methotrexate " ..
                  "toxicity. His methotrexate was stopped and his counts recovered over " ..
                  "three weeks.",
      },
    },

    toxicity = {
      title = "Day 9",
      text = "Mr Marsh is readmitted with a sore mouth, fever and bruising. His " ..
             "neutrophils are 0.3 ×10⁹/L and platelets 41 ×10⁹/L.",
      elapsed = 12960,
      results = obs.fbc { hb = 104, wbc = 1.0, neut = 0.3, plt = 41 },
      vitals = { hr = 112, sbp = 102, dbp = 60, rr = 22, spo2 = 95, temp = 38.6 },
      ending = {
        outcome = "harm",
        summary = "Mr Marsh was readmitted with neutropenic sepsis from methotrexate " ..
                  "toxicity, treated with intravenous antibiotics and folinic acid rescue.",
      },
    },
  },
}
