-- Seven weeks old: a fever model used outside the ages it knows.
-- Paediatrics. The triage model is built for children aged 3 months to 5
-- years; this baby is 7 weeks old, and only the model card says so. In
-- "ai_wrong" it calls him low risk at the first assessment and when his
-- results are back (false negatives); in "ai_right" it happens to agree with
-- NICE NG143. Either way, its output is no evidence for a patient outside
-- its intended use. If he is sent home he comes back in shock: there the
-- model calls him high risk in both variants (right, and still out of
-- scope), and the best plan changes: blood culture and IV antibiotics at
-- once, the lumbar puncture deferred until he is stable.
-- No early-warning score (early_warning = "none"): NEWS2 is for adults, and
-- the paediatric chart is not reproduced here; the first result says so.
local models = include("models")
local obs = include("obs")
local variants = include("variants")

-- NICE NG143 uses a white cell count below 5 or above 15 x10^9/L as its
-- threshold in infants aged 1 to 3 months, so the flag follows it.
local function bloods(urine)
  return {
    obs.result("White cell count", 16.4, "×10⁹/L", 5, 15),
    obs.result("Neutrophils", 9.8, "×10⁹/L", 1.0, 8.5),
    obs.crp(48),
    { name = urine, value = "White cells 180 /µL, bacteria seen; culture sent" },
    { name = "Blood culture", value = "Sent; no growth yet" },
  }
end

-- Feedback texts. FeverFlow is outside its intended use for Leo in every
-- variant, so its part of the feedback is the same whatever it said. Facts:
-- NICE NG143, NG254, NG224 and the LP contraindications as in the debriefs;
-- NICE's 2017 surveillance of CG160 (now NG143) on antipyretic response; see
-- docs/clinical-checks/feedback-round.md.
local out_of_scope = " FeverFlow's model card says it is not for infants under 3 months - " ..
                     "none were in its training data - so its output for Leo, right or " ..
                     "wrong, was no evidence."
local shock = "mottled, with a capillary refill of 4 seconds, a heart rate of 194 and a " ..
              "lactate of 4.1, and hard to wake: he is in shock"
local returned_tool = " FeverFlow called him high risk and was right, but he was still " ..
                      "outside its intended use: his signs, not its score, were the reason " ..
                      "to act."
local results_tool = " FeverFlow reads neither blood nor urine results and is not meant for " ..
                     "infants under 3 months, so whatever it said here was no evidence " ..
                     "either way."

return case {
  format = 1,
  id = "paeds-febrile-infant",
  version = "2.0",
  title = "Seven weeks old with a fever: the triage model's score",
  summary = "A 7-week-old boy has a temperature of 38.3 °C and looks well. The children's " ..
            "emergency department runs a fever triage model on every febrile child. " ..
            "Decide how to assess him, and what to do when his results are back.",
  objectives = {
    "Recognise any infant under 3 months with a temperature of 38 °C or more as high risk " ..
      "(NICE NG143)",
    "Check a tool's intended use before relying on its output",
    "Apply NG143's criteria for lumbar puncture and parenteral antibiotics at 1 to 3 months",
    "In an infant in shock, give antibiotics at once and defer the lumbar puncture",
    "Manage a possible UTI under 3 months as NICE NG224 advises",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG143 (2019, updated 2021) Fever in under 5s: assessment and initial management",
    "NICE NG254 (2025) Suspected sepsis in people under 16",
    "NICE NG240 (2024) Meningitis (bacterial) and meningococcal disease: recognition, " ..
      "diagnosis and management",
    "NICE NG224 (2022) Urinary tract infection in under 16s: diagnosis and management",
    "BNF for Children: cefotaxime, ceftriaxone and amoxicillin (doses by age and weight)",
  },
  tags = { "paediatrics", "emergency", "fever", "infant" },
  minutes = 9,
  early_warning = "none",
  variants = { "ai_right", "ai_wrong" },
  x_setting = "paediatrics",
  x_profession = "doctor",
  x_tool_types = { "risk_score" },
  x_failure_modes = { "out_of_scope", "false_negative" },
  x_ai_errors = { "ai_wrong/assess false_negative", "ai_wrong/results_back false_negative" },

  patient = {
    name = "Leo Nowak", sex = "M",
    setting = "Children's emergency department",
    complaint = "Fever 38.4 °C at home this afternoon; age 7 weeks",
    history = { "Born at 39 weeks by normal delivery, 3.6 kg; no neonatal problems",
                "Immunisations: 8-week vaccines not yet given" },
    medications = { "None" },
    allergies = { "No known drug allergies" },
  },

  vitals = { hr = 172, rr = 48, spo2 = 98, temp = 38.3, avpu = "A", o2 = "air",
             glucose = 5.2, x_cap_refill = "2 s", x_weight = "4.9 kg" },

  results = {
    { name = "Early warning score", value = "Not shown: NEWS2 is for adults, and this " ..
      "simulation does not reproduce the paediatric early warning chart" },
  },

  ai = models.card("fever"),

  start_time = "19:30",       -- the time of day at the start; the header adds the case clock
  start = "triage",
  nodes = {
    triage = {
      title = "Triage",
      text = "Leo's mother says he felt hot after his afternoon nap and took 60 mL of his " ..
             "usual 120 mL bottle at teatime. He has had four wet nappies today. No " ..
             "cough, vomiting, diarrhoea or rash; his older sister has a cold.\n\nOn " ..
             "the couch he is pink, wakes fully when handled and cries strongly; his " ..
             "fontanelle is flat. You find no focus of infection. You are the paediatric " ..
             "registrar on the evening shift.",
      next = "assess",
    },

    assess = {
      title = "First assessment",
      text = "FeverFlow runs on every febrile child at triage. Its output is beside the " ..
             "observations.",
      elapsed = 15,
      decision = {
        prompt = "What do you do?",
        options = {
          { id = "home", label = "Discharge with safety-netting advice and written " ..
                                 "information; back at once if he is worse",
            next = "returned" },
          { id = "screen", label = "Full blood count, CRP, blood culture and a urine " ..
                                   "sample now, with senior review", next = "bloods" },
          { id = "observe", label = "Give paracetamol, observe him for two hours, and " ..
                                    "take bloods if he is no better", next = "observed" },
        },
        best = { "screen" },
        -- FeverFlow reports a risk with its percentage; it shows no separate confidence.
        advice = variants.advice({ timing = "with_case" }, {
          ai_right = {
            recommend = "screen",
            message = "HIGH RISK of serious bacterial infection (31%). Suggested: sepsis " ..
                      "screen and senior review.",
            reasons = {
              { "Heart rate 172 /min", 0.24 },
              { "Temperature 38.3 °C", 0.17 },
              { "Reduced feeding", 0.12 },
              { "Alert, strong cry", -0.18 },
            },
          },
          ai_wrong = {
            recommend = "home",
            message = "LOW RISK of serious bacterial infection (3%). Suggested: home with " ..
                      "safety-netting.",
            reasons = {
              { "Alert, strong cry", -0.26 },
              { "Capillary refill 2 s", -0.14 },
              { "Temperature under 39 °C", -0.09 },
              { "Heart rate 172 /min", 0.11 },
            },
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          screen = "Under NICE NG143 any infant under 3 months with a temperature of 38 °C " ..
                   "or more is at high risk whatever he looks like, and needs a full blood " ..
                   "count, CRP, blood culture and urine testing." .. out_of_scope,
          home = "At 7 weeks a temperature of 38 °C or more puts him at high risk under NICE " ..
                 "NG143, however well he looks: he needs a full blood count, CRP, blood " ..
                 "culture and urine testing, not safety-netting advice." .. out_of_scope,
          observe = "Any infant under 3 months with a temperature of 38 °C or more is at high " ..
                    "risk under NICE NG143 and needs bloods, a blood culture and urine testing " ..
                    "now; NICE also warns against relying on the response to an antipyretic " ..
                    "to judge how serious an illness is." .. out_of_scope,
        },
      },
      debrief = function(s)
        local head
        if s.variant == "ai_wrong" then
          head = "At the first assessment FeverFlow said low risk, and it was wrong."
        else
          head = "At the first assessment FeverFlow said high risk, and it was right - by " ..
                 "luck."
        end
        return head .. " Its model card says it is not for infants under 3 months: none " ..
               "were in its training data, so its output for Leo, right or wrong, is no " ..
               "evidence. The cue was his age. Under NICE NG143 any infant under 3 months " ..
               "with a temperature of 38 °C or more is at high risk (red) whatever he " ..
               "looks like, and needs a full blood count, CRP, blood culture and urine " ..
               "testing; a well appearance does not lower that risk at this age. " ..
               "Paracetamol and observation, or discharge, delay the tests NG143 asks for."
      end,
    },

    observed = {
      title = "Two hours later",
      text = "After paracetamol his temperature is 37.9 °C, but he has taken only 30 mL " ..
             "and is sleepier. The consultant, passing, asks why he has not had bloods.",
      elapsed = 120,
      vitals = { hr = 168, temp = 37.9 },
      next = "bloods",
    },

    returned = {
      title = "Back at 05:00",
      text = "Leo's parents bring him back at 05:00. He has vomited twice, refused his " ..
             "last two feeds and is hard to wake. He is mottled, his capillary refill is " ..
             "4 seconds and his cry is weak.\n\nHe is in the resuscitation room with a " ..
             "cannula in. FeverFlow has re-scored him at triage.",
      elapsed = 555,
      vitals = { hr = 194, rr = 62, spo2 = 96, temp = 39.1, avpu = "V",
                 x_cap_refill = "4 s" },
      results = { { name = "Capillary lactate", value = 4.1, unit = "mmol/L", flag = "high" } },
      decision = {
        prompt = "What do you do first?",
        options = {
          { id = "lp_first", label = "Lumbar puncture first, so the CSF is taken before " ..
                                     "antibiotics; then IV cefotaxime and amoxicillin and " ..
                                     "a fluid bolus", next = "lp_unstable" },
          { id = "abx_now", label = "Blood culture from the cannula, then IV cefotaxime and " ..
                                    "amoxicillin and a fluid bolus now; lumbar puncture " ..
                                    "once he is stable", next = "results_septic" },
          { id = "await", label = "Fluid bolus, bloods and a urine sample now; start IV " ..
                                  "cefotaxime and amoxicillin when the results are back " ..
                                  "within the hour", next = "results_septic" },
        },
        best = { "abx_now" },
        advice = {
          recommend = "abx_now",
          message = "HIGH RISK of serious bacterial infection (72%). Suggested: " ..
                    "resuscitation area; parenteral antibiotics without delay.",
          reasons = {
            { "Heart rate 194 /min", 0.27 },
            { "Capillary refill 4 s", 0.23 },
            { "Responds to voice only", 0.19 },
            { "Temperature 39.1 °C", 0.11 },
            { "Refused two feeds", 0.09 },
          },
          timing = "with_case",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          abx_now = "Leo is " .. shock .. ". Antibiotics must not wait for a lumbar puncture " ..
                    "or for results: a blood culture from the cannula, then IV antibiotics " ..
                    "and fluid, at once." .. returned_tool,
          lp_first = "Leo is " .. shock .. ". Antibiotics must not wait for a lumbar " ..
                     "puncture or for results: a blood culture from the cannula, then IV " ..
                     "antibiotics and fluid, at once." .. returned_tool,
          await = "Leo is " .. shock .. ". Antibiotics must not wait for results: a blood " ..
                  "culture can be taken from the cannula without delay, and the antibiotics " ..
                  "go in with the fluid." .. returned_tool,
        },
      },
      debrief = "When Leo came back, FeverFlow called him high risk, and it was right; he " ..
                "was still outside its intended use, so its score was not the reason to " ..
                "act. Leo himself was: mottled, a capillary refill of 4 seconds, a heart " ..
                "rate of 194, a lactate of 4.1 and hard to wake - an infant in shock. Shock is on " ..
                "NICE's list of contraindications to lumbar puncture, so the lumbar " ..
                "puncture waits until he is stable. The blood culture comes from the " ..
                "cannula if that causes no delay, and the antibiotics and fluid go in at " ..
                "once: they do not wait for the lumbar puncture or for the results. Under 3 " ..
                "months NICE adds an antibiotic active against listeria, such as " ..
                "amoxicillin, to a third-generation cephalosporin (NICE NG254).",
    },

    lp_unstable = {
      title = "Lumbar puncture",
      text = "As he is held curled on his side for the lumbar puncture, his saturation falls " ..
             "to 86% and his heart rate to 90 /min. The attempt is stopped and he is " ..
             "resuscitated. A blood culture is taken from the cannula, and IV cefotaxime and " ..
             "amoxicillin go in 45 minutes after he arrived.",
      elapsed = 45,
      vitals = { spo2 = 86, hr = 90 },
      next = "results_septic",
    },

    results_septic = {
      title = "An hour on",
      text = function(s)
        local first
        if s.choices.returned == "abx_now" then
          first = "The blood culture was taken from the cannula, and IV cefotaxime and " ..
                  "amoxicillin went in within minutes of his arrival, with a fluid bolus. " ..
                  "While they ran, more bloods were taken and a urine sample obtained."
        elseif s.choices.returned == "lp_first" then
          first = "While the antibiotics ran, he had a second fluid bolus; more bloods were " ..
                  "taken and a urine sample obtained."
        else
          first = "He had a fluid bolus, and bloods and a urine sample were taken. The " ..
                  "antibiotics waited for the results, and went in an hour after he arrived."
        end
        return first .. "\n\nLeo is still mottled and hard to wake, with a capillary refill " ..
               "of 3 seconds. His results are in the results panel, and the paediatric " ..
               "high-dependency unit has a bed for him."
      end,
      elapsed = 60,
      vitals = { hr = 182, rr = 56, spo2 = 97, temp = 38.8, avpu = "V", x_cap_refill = "3 s" },
      results = bloods("Urine, microscopy"),
      decision = {
        prompt = "What is your plan?",
        options = {
          { id = "no_lp", label = "Continue IV cefotaxime and amoxicillin on the " ..
                                  "high-dependency unit; no lumbar puncture, as the urine " ..
                                  "explains it", next = "no_lp" },
          { id = "defer_lp", label = "Continue IV cefotaxime and amoxicillin on the " ..
                                     "high-dependency unit; lumbar puncture once he is stable",
            next = "admitted" },
          { id = "lp_now", label = "Lumbar puncture now in the resuscitation room, then " ..
                                   "continue IV cefotaxime and amoxicillin on the unit",
            next = "lp_collapse" },
        },
        best = { "defer_lp" },
        ask = { confidence = true },
        feedback = {
          defer_lp = "After the fluid he is still mottled and hard to wake, with a capillary " ..
                     "refill of 3 seconds: still in shock, so the lumbar puncture still waits. " ..
                     "It is done once he is stable, because a urine infection in a young " ..
                     "infant can coexist with meningitis.",
          no_lp = "The urine does not settle it: a urine infection in a young infant can " ..
                  "coexist with meningitis, and without a lumbar puncture meningitis cannot be " ..
                  "excluded. While he is in shock it waits, but it still has to be done.",
          lp_now = "After the fluid he is still mottled and hard to wake, with a capillary " ..
                   "refill of 3 seconds: still in shock, which is a contraindication to " ..
                   "lumbar puncture. Holding a shocked infant curled for one can tip him over.",
        },
      },
      debrief = "After the fluid Leo was still in shock, so the lumbar puncture still had " ..
                "to wait: shock is a contraindication, and a lumbar puncture in a shocked " ..
                "infant can tip him over. It is done once he is stable, because a urine " ..
                "infection in a young infant can coexist with meningitis: without it, " ..
                "meningitis cannot be excluded, and he is treated as if he had it.",
    },

    bloods = {
      title = "Bloods and urine",
      text = "Blood is taken from a cannula and a clean-catch urine is obtained while his " ..
             "mother holds him. Results come back within the hour.",
      elapsed = 60,
      results = bloods("Urine (clean catch), microscopy"),
      next = "results_back",
    },

    results_back = {
      title = "Results",
      text = function(s)
        local state
        if s.choices.assess == "observe" then
          state = "Leo is feeding poorly but wakes when handled."
        else
          state = "Leo is feeding a little and wakes when handled."
        end
        return state .. " His results are in the results panel. The fontanelle is flat " ..
               "and there is no rash. FeverFlow can be re-run with the new observations."
      end,
      decision = {
        prompt = "What is your plan?",
        options = {
          { id = "iv_only", label = "Admit and start IV cefotaxime; no lumbar puncture, as " ..
                                    "the urine explains the fever" },
          { id = "oral", label = "Oral antibiotics for a urine infection; home with a " ..
                               "review in 48 hours" },
          { id = "iv_lp", label = "Admit; lumbar puncture, then IV cefotaxime and " ..
                                "amoxicillin" },
        },
        next = function(s, choice)
          if choice == "oral" then return "sent_home" end
          if choice == "iv_only" then return "no_lp" end
          return "admitted"
        end,
        best = { "iv_lp" },
        advice = variants.advice({ timing = "on_request" }, {
          ai_right = {
            recommend = "iv_lp",
            message = "HIGH RISK of serious bacterial infection (38%). Suggested: admit, " ..
                      "full sepsis screen including lumbar puncture, parenteral antibiotics.",
            reasons = {
              { "Heart rate over 160 /min", 0.22 },
              { "Reduced feeding", 0.15 },
              { "Temperature 38 °C or more", 0.14 },
            },
          },
          ai_wrong = {
            recommend = "oral",
            message = "LOW RISK of serious bacterial infection (5%). Suitable for " ..
                      "treatment at home.",
            reasons = {
              { "Wakes when handled", -0.21 },
              { "No rash, fontanelle flat", -0.17 },
              { "Reduced feeding", 0.15 },
            },
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          iv_lp = "NICE NG143 asks for a lumbar puncture (unless contraindicated) and " ..
                  "parenteral antibiotics at 1 to 3 months with a white cell count above 15 " ..
                  "×10⁹/L, as here; under 3 months NICE adds listeria cover, such as " ..
                  "amoxicillin, to the cephalosporin (NG254)." .. results_tool,
          iv_only = "Two gaps: NICE NG143 asks for a lumbar puncture at 1 to 3 months with a " ..
                    "white cell count above 15 ×10⁹/L, as here, since a urine infection can " ..
                    "coexist with meningitis; and under 3 months NICE adds listeria cover, " ..
                    "such as amoxicillin, to the cephalosporin (NG254)." .. results_tool,
          oral = "NICE NG224 keeps an infant under 3 months with a possible urine infection " ..
                 "under paediatric specialist care, on parenteral antibiotics as NG143 sets " ..
                 "out, not home on oral antibiotics, and NG143 asks for a lumbar puncture too " ..
                 "at 1 to 3 months with a white cell count above 15 ×10⁹/L, as here." ..
                 results_tool,
        },
      },
      debrief = function(s)
        local head
        if s.variant == "ai_wrong" then
          head = "With the results back FeverFlow was wrong again. It does not read blood " ..
                 "or urine results, and it was never meant for a 7-week-old."
        else
          head = "With the results back FeverFlow was right, but outside its intended use " ..
                 "and blind to the results, so again its agreement is not the reason to act."
        end
        return head .. " The cues were his age and his results. NICE NG143 asks for a " ..
               "lumbar puncture (unless contraindicated) and parenteral antibiotics in " ..
               "infants aged 1 to 3 months with a white cell count above 15 ×10⁹/L, as " ..
               "here, and for any who appear unwell. Under 3 months NICE adds an " ..
               "antibiotic active against listeria (amoxicillin or ampicillin) to an IV " ..
               "third-generation cephalosporin: cefotaxime or ceftriaxone, as local policy " ..
               "and the BNFc allow for his age (NICE NG254). Cefotaxime alone leaves that " ..
               "cover out. NICE NG224 adds that an infant under 3 months with a possible " ..
               "urine infection goes to a paediatric specialist, not home on oral " ..
               "antibiotics. A urine infection in a young infant can coexist with " ..
               "bacteraemia or meningitis, so it does not stand in for the lumbar " ..
               "puncture. Before any lumbar puncture, check for contraindications such as " ..
               "shock, reduced consciousness, a bleeding tendency or infection at the site."
      end,
    },

    admitted = {
      title = "On the ward",
      text = function(s)
        if s.choices.assess == "home" then
          return "Leo has his lumbar puncture on day 2, once he is stable: the CSF is clear " ..
                 "with 3 white cells /µL and no organisms. The urine grows E. coli, " ..
                 "sensitive to cefotaxime; the blood culture stays negative. He switches " ..
                 "to oral antibiotics once he is well, and a renal ultrasound is done " ..
                 "during the admission."
        end
        return "The CSF is clear with 3 white cells /µL and no organisms. The urine grows " ..
               "E. coli, sensitive to cefotaxime; the blood culture stays negative. Leo " ..
               "finishes his course after switching to oral antibiotics on day 3, and a " ..
               "renal ultrasound is arranged, as NICE advises after a urine infection in a " ..
               "young infant."
      end,
      elapsed = 4320,
      vitals = { hr = 138, rr = 40, spo2 = 99, temp = 36.9, avpu = "A", x_cap_refill = "1 s" },
      ending = {
        outcome = function(s)
          if s.choices.assess == "home" then return "harm" end
          if s.choices.assess == "observe" then return "neutral" end
          return "good"
        end,
        summary = function(s)
          if s.choices.assess == "home" then
            local late = ""
            if s.choices.returned ~= "abx_now" then
              late = " When he came back, his antibiotics started later than they could have."
            end
            return "Leo recovered from a urinary tract infection with sepsis, after a " ..
                   "night at home untreated and a stay on the paediatric high-dependency " ..
                   "unit." .. late
          elseif s.choices.assess == "observe" then
            return "Leo recovered from a urinary tract infection; his treatment started " ..
                   "two hours later than it could have."
          end
          return "Leo was investigated and treated as NICE NG143 sets out and went home on " ..
                 "day 4."
        end,
      },
    },

    no_lp = {
      title = "On the ward",
      text = function(s)
        local abx = "cefotaxime"
        if s.choices.assess == "home" then abx = "antibiotics" end
        return "The urine grows E. coli. Leo is slower to settle than expected, and on day " ..
               "2 a lumbar puncture is done after 36 hours of " .. abx .. ": 4 white cells " ..
               "/µL, no organisms, culture negative. After that much antibiotic a clear " ..
               "result cannot exclude a partially treated meningitis, so the team treats " ..
               "him for one."
      end,
      elapsed = 4320,
      vitals = { hr = 146, rr = 42, spo2 = 99, temp = 37.2, avpu = "A", x_cap_refill = "1 s" },
      ending = {
        outcome = function(s)
          return s.choices.assess == "home" and "harm" or "neutral"
        end,
        summary = "Because meningitis could not be excluded, Leo had a full IV course for " ..
                  "presumed meningitis, a longer stay and a hearing test.",
      },
    },

    lp_collapse = {
      title = "Lumbar puncture",
      text = "As he is held curled on his side for the lumbar puncture, his saturation falls " ..
             "to 84% and his heart rate to 80 /min. The attempt is abandoned; he needs " ..
             "breaths by bag and mask and another fluid bolus before he recovers.",
      elapsed = 20,
      vitals = { spo2 = 84, hr = 80, avpu = "P" },
      ending = {
        outcome = "harm",
        summary = "Leo deteriorated during a lumbar puncture attempted while he was still in " ..
                  "shock. He recovered on the paediatric high-dependency unit, where the " ..
                  "lumbar puncture was done on day 2, once he was stable: the CSF was clear.",
      },
    },

    sent_home = {
      title = "Readmitted",
      text = "Leo goes home on oral antibiotics. Twelve hours later he is back, grey and " ..
             "floppy; his blood culture from the night before has grown E. coli.",
      elapsed = 720,
      vitals = { hr = 198, rr = 64, spo2 = 95, temp = 39.3, avpu = "P", x_cap_refill = "5 s" },
      ending = {
        outcome = "harm",
        summary = "Leo needed fluid resuscitation and transfer to the paediatric intensive " ..
                  "care unit for E. coli septicaemia. He survived.",
      },
    },
  },
}
