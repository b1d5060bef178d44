-- First visit after discharge: the visit brief.
-- Community nursing; the trainee is the district nurse making the first
-- visit to a woman home two days after nine days in hospital. One
-- generative tool, VisitBrief, in the community nursing record: it condenses
-- the discharge letter and the GP record into a visit brief, and drafts a
-- care plan from the nurse's own visit notes when asked.
--   kitchen - the brief is right: it flags that apixaban was started and
--     aspirin stopped, while the GP repeat list and the pharmacy's blister
--     pack still hold aspirin.
--   skin - the brief is wrong (a false negative that invites an omission):
--     it never read the scanned nursing transfer form, which records a
--     sacral pressure ulcer and a mattress not yet delivered, and under a
--     heading the typed letter left empty it wrote "SKIN: intact". Its model
--     card says it does not read scanned attachments and can fill an empty
--     heading with a default; the results list the attachment.
--   plan - the draft care plan, asked for on request, is right: it was
--     drafted from the nurse's own notes, which hold what the brief missed.
-- The AI is wrong at one of three advised decisions on every path.
-- Facts: NICE QS89 statement 2 (risk assessment at the first community
-- nursing visit for people with a risk factor) and the statement 5
-- rationale (repositioning at least every 6 hours at risk, every 4 hours at
-- high risk) are verified on NICE's pages; CG179's high-specification foam
-- mattress for people at high risk, and the EPUAP wording of category 1
-- damage, were seen only in secondary sources; PURPOSE-T is named as the
-- service's tool with no threshold (none verified). The need to check every
-- generative output comes from summaries of NHS England's ambient scribing
-- guidance, the nearest national guidance for generative documentation
-- tools. Medicines: no doses are given for apixaban (it depends on age,
-- weight and kidney function); the debrief keeps to following the latest
-- prescriber's letter and asking the GP practice and pharmacy to reconcile.

-- What the nurse finds on the day the skin is first looked at, by path.
local function findings(s)
  if s.choices.skin == "assess" then
    return "Over her sacrum, under a hydrocolloid dressing dated four days ago, is a " ..
           "shallow open wound about 2 × 1.5 cm with a pink, moist base. Her left heel is " ..
           "red and the redness does not blanch when you press it; the right heel is " ..
           "intact. You work through the service's PURPOSE-T assessment with her: she is " ..
           "at high risk.\n\nYou now open the scanned nursing transfer form attached to " ..
           "the letter. It reads: \"Category 2 pressure ulcer to sacrum, found day 6. " ..
           "Hydrocolloid, change every 3 days. High-specification foam mattress ordered " ..
           "for home - NOT YET DELIVERED at discharge.\""
  elseif s.choices.skin == "daughter" then
    return "Karen rang the next evening: there was a raw patch on her mother's bottom " ..
           "and her left heel was red. You visit the following morning. Over the sacrum " ..
           "is an open wound about 2.5 × 2 cm under a curling dressing, with a pink, moist " ..
           "base and a rim of damaged skin; the left heel redness does not blanch. Her " ..
           "PURPOSE-T assessment puts her at high risk. The scanned nursing transfer form " ..
           "records the sacral ulcer from day 6, and a high-specification foam mattress " ..
           "ordered but not delivered."
  end
  return "Karen rang the base: her mother's bottom was sore, there was a smell, and she " ..
         "had stopped getting out of her chair. At the visit, over the sacrum is a " ..
         "deeper wound, 3.5 × 3 cm, with yellow slough in its base; the left heel has a " ..
         "blood-filled blister. Her PURPOSE-T assessment puts her at high risk. The " ..
         "scanned nursing transfer form, opened now, records a smaller sacral ulcer from " ..
         "day 6 and a high-specification foam mattress ordered but never delivered."
end

return case {
  format = 1,
  id = "district-nursing-summary",
  version = "1.0",
  title = "First visit after discharge: the visit brief",
  summary = "A new referral to the district nursing team: an 84-year-old woman home two " ..
            "days after nine days in hospital. The community nursing record's assistant " ..
            "has condensed her discharge letter and GP record into a visit brief. You make " ..
            "the first visit.",
  objectives = {
    "Check a generative summary against its sources before using it for care",
    "Reconcile medicines changed in hospital with what is in the house",
    "Assess pressure ulcer risk at the first community visit (NICE QS89)",
    "Plan repositioning and equipment for a person at high risk of pressure ulcers",
  },
  authors = { "Appraise project" },
  references = {
    "NICE QS89 (2015) Pressure ulcers (quality standard): statements 2 and 5",
    "NICE CG179 (2014) Pressure ulcers: prevention and management",
    "National Wound Care Strategy Programme: pressure ulcer recommendations and clinical " ..
      "pathway; PURPOSE-T (Pressure Ulcer Risk Primary or Secondary Evaluation Tool)",
    "NHS England (2025) Guidance on the use of AI-enabled ambient scribing products in " ..
      "health and care settings",
    "Nursing and Midwifery Council (2018) The Code: Professional standards of practice " ..
      "and behaviour for nurses, midwives and nursing associates (section 10, records)",
  },
  tags = { "community", "district-nursing", "pressure-ulcers", "medicines", "generative-ai" },
  minutes = 8,
  x_setting = "community",
  x_profession = "district_nurse",
  x_failure_modes = { "false_negative", "ai_right" },
  x_ai_errors = { "*/skin false_negative" },
  x_tool_types = { "summariser" },

  patient = {
    name = "Joan Whitaker", age = 84, sex = "F",
    setting = "Her home, first district nursing visit",
    complaint = "Referred on discharge two days ago for catheter care and review",
    history = { "Fall at home; 9 days in hospital with a urinary tract infection and " ..
                  "delirium, now resolved",
                "Atrial fibrillation, found in hospital",
                "Long-term urethral catheter for urinary retention",
                "Osteoarthritis of both knees", "Type 2 diabetes, diet-controlled" },
    medications = { "Apixaban twice daily (started in hospital)",
                    "Aspirin: stopped in hospital", "Paracetamol when needed" },
    allergies = { "No known drug allergies" },
  },

  vitals = { hr = 82, sbp = 128, dbp = 74, rr = 16, spo2 = 96, temp = 36.8, avpu = "A" },

  results = {
    { name = "Discharge letter (typed, 3 pages)",
      value = "Fall with urinary tract infection and delirium, resolved. New atrial " ..
              "fibrillation: apixaban started, aspirin stopped. Mobility: frame and one " ..
              "carer. District nurses: catheter care and review." },
    { name = "Attachment to the letter", value = "Nursing transfer form (scanned, 2 pages)" },
    { name = "GP repeat list (last updated before admission)",
      value = "Aspirin once daily; paracetamol when needed" },
  },

  ai = {
    name = "VisitBrief", version = "2.1",
    kind = "generative summariser (large language model)",
    intended_use = "Condenses hospital discharge letters and the GP record into a " ..
                   "one-screen visit brief for community nurses, and drafts care plans from " ..
                   "the nurse's own visit notes; every output is for the nurse to check " ..
                   "against the source before use",
    trained_on = "A general-purpose large language model, adapted by the supplier on " ..
                 "anonymised NHS discharge letters; in the supplier's evaluation on 500 " ..
                 "letters, 6% of briefs left out a fact that nurses judged important",
    limitations = {
      "Reads the typed text of letters and the GP record; scanned attachments (nursing " ..
        "transfer forms, body maps, wound charts) are not read",
      "Can leave facts out, and can fill a heading with a default phrase when the source " ..
        "says nothing under it",
      "Gives no sources for individual lines of the brief",
      "Registered as a UKCA Class I medical device; deployed after a DCB0160 clinical " ..
        "safety assessment",
    },
  },

  start_time = "08:30",       -- the time of day at the start; the header adds the case clock
  start = "base",
  nodes = {
    base = {
      title = "The district nursing base, 08:30",
      text = "You are the district nurse. Your list today has ten visits, and one new " ..
             "referral: Mrs Whitaker, 84, discharged two days ago from a medical ward. " ..
             "VisitBrief, the assistant in the community nursing record, has condensed her " ..
             "discharge letter and GP record into a visit brief, which you read on your " ..
             "tablet before you set off.",
      next = "kitchen",
    },

    kitchen = {
      title = "The kitchen table",
      text = "Mrs Whitaker lives with her daughter Karen, who has taken leave for the week. " ..
             "Karen has put two things on the kitchen table: the bag of medicines from the " ..
             "hospital, with a box of apixaban in it, and this week's blister pack from the " ..
             "community pharmacy, made up from the GP's repeat list, with aspirin in every " ..
             "slot. \"She's had one of each this morning,\" Karen says. \"Which is she " ..
             "supposed to be taking?\"",
      elapsed = 120,
      decision = {
        prompt = "What do you do about her medicines?",
        options = {
          { id = "letter", label = "Follow the letter: apixaban, no aspirin; ask the GP " ..
                                   "and pharmacy to fix the pack today" },
          { id = "pack", label = "Keep to the blister pack for now, until the GP has " ..
                                 "reviewed her medicines" },
          { id = "both", label = "Carry on with both for now; ask the GP to sort the " ..
                                 "repeat list at her next review" },
          { id = "neither", label = "Hold both tablets until the GP practice confirms " ..
                                    "which one she should take" },
        },
        next = "skin",
        best = { "letter" },
        advice = {
          recommend = "letter",
          confidence = nil,
          message = "VISIT BRIEF - draft for nurse review\nSources: discharge letter (3 " ..
                    "pages); GP record\n\nJoan Whitaker, 84. Home 2 days after 9 days on a " ..
                    "medical ward: fall with urinary tract infection and delirium, now " ..
                    "resolved.\nMEDICINES: changed in hospital. Started apixaban twice daily " ..
                    "(new atrial fibrillation). Aspirin stopped. The GP repeat list still " ..
                    "shows aspirin: check what is in the house.\nMOBILITY: walking frame, " ..
                    "one carer.\nSKIN: intact. No pressure damage documented.\nCATHETER: " ..
                    "long-term urethral catheter, changed on the ward.\nPLAN: catheter care; " ..
                    "general review. Next visit in 7 days.",
          timing = "with_case",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          letter = "The discharge letter is the latest prescriber's record of what changed, " ..
                   "and you could check it in the results: the brief matched it. Fixing the " ..
                   "repeat list and the pack the same day stops the old list coming back " ..
                   "next week.",
          pack = "The pack was made up from a repeat list written before she went into " ..
                 "hospital: it gives her aspirin and no anticoagulant for the atrial " ..
                 "fibrillation the hospital started apixaban for. The discharge letter is the " ..
                 "latest prescriber's record, and the brief pointed to the mismatch.",
          both = "The hospital stopped aspirin when it started apixaban; taking both adds to " ..
                 "her bleeding risk, and a routine review leaves her on both for days. The " ..
                 "discharge letter is the latest prescriber's record, and the brief pointed " ..
                 "to the old repeat list.",
          neither = "Holding both leaves her without the anticoagulant the hospital chose for " ..
                    "her new atrial fibrillation, while the practice confirms what the " ..
                    "discharge letter already says. The brief matched the letter; follow the " ..
                    "latest prescriber and ask for the list to be fixed today.",
        },
      },
      debrief = "VisitBrief was right here: the change was in the typed letter, and the " ..
                "brief not only reported it but pointed to the risk of the old repeat list. " ..
                "The hospital started apixaban for her new atrial fibrillation and stopped " ..
                "aspirin; taking both adds to her bleeding risk, and holding both leaves her " ..
                "without the anticoagulant the hospital chose. Within your service's " ..
                "medicines policy, the safe course is to follow the latest prescriber's " ..
                "instruction, tell Karen which tablets to set aside, and ask the GP practice " ..
                "and the pharmacy to change the repeat list and the pack the same day. The " ..
                "careful cue was the letter itself, which you could check in the results; " ..
                "the brief agreed with it.",
    },

    skin = {
      title = "Before you go",
      text = "Catheter care is done and the catheter is draining well. Mrs Whitaker spends " ..
             "most of the day in her armchair; she needs Karen's help to stand, and walks a " ..
             "few steps with her frame. Karen says she is eating about half of each meal and " ..
             "wears pads at night. Mrs Whitaker is tired and asks whether you are nearly " ..
             "finished. You have eight more visits.",
      elapsed = 30,
      decision = {
        prompt = "What do you do before you leave?",
        options = {
          { id = "leave", label = "Finish here: her skin was checked in hospital; next " ..
                                  "visit in a week" },
          { id = "assess", label = "Look at her sacrum and heels, and do a pressure ulcer " ..
                                   "risk assessment now" },
          { id = "nextweek", label = "Leave the skin check and risk assessment for next " ..
                                     "week, when she is rested" },
          { id = "daughter", label = "Ask Karen to check her skin tonight and ring the base " ..
                                     "if it is red" },
        },
        next = function(s, choice)
          if choice == "assess" then return "skin_today" end
          if choice == "daughter" then return "skin_next_day" end
          return "skin_later"
        end,
        best = { "assess" },
        advice = {
          recommend = "leave",
          confidence = nil,
          message = "VISIT BRIEF (extract)\nSKIN: intact. No pressure damage documented.\n" ..
                    "PLAN: catheter care; general review. Next visit in 7 days.",
          timing = "with_case",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          assess = "Her risk factors were in front of you: little mobility, half her meals, " ..
                   "pads at night, nine days in a hospital bed, and NICE QS89 expects a risk " ..
                   "assessment at this first visit. \"SKIN: intact\" could not be checked: " ..
                   "the typed letter said nothing about skin, and the brief does not read " ..
                   "scanned attachments such as the transfer form in the results.",
          leave = "\"SKIN: intact\" was not a finding: the typed letter said nothing about " ..
                  "her skin, and the brief's model card says it does not read scanned " ..
                  "attachments, like the nursing transfer form in the results, and can fill " ..
                  "an empty heading with a default. With her risk factors, NICE QS89 expects " ..
                  "a risk assessment at this first visit.",
          nextweek = "Tiredness is a reason to be quick, not to leave her sacrum and heels " ..
                     "unseen for a week: with little mobility, poor intake, pads at night and " ..
                     "nine days in bed, NICE QS89 expects a risk assessment at the first " ..
                     "visit. The brief's \"SKIN: intact\" rested on a letter that said nothing " ..
                     "about skin.",
          daughter = "Karen can help watch her skin once she has been shown how, but the " ..
                     "first assessment is a nurse's: NICE QS89 expects it at the first visit " ..
                     "for anyone with a risk factor. The brief's \"SKIN: intact\" rested on a " ..
                     "letter that said nothing about skin.",
        },
      },
      debrief = "VisitBrief was wrong: a false negative that invited an omission. Its model " ..
                "card says it does not read scanned attachments, and the results listed one " ..
                "- the nursing transfer form, which recorded a category 2 pressure ulcer on " ..
                "her sacrum and a mattress not yet delivered. The typed letter said nothing " ..
                "about her skin, and under that empty heading the brief wrote \"SKIN: " ..
                "intact\": a generative summary can state as fact what nobody recorded, and " ..
                "it reads exactly like what somebody did. The careful cue was the woman in " ..
                "front of you: limited mobility, eating half her meals, pads at night, nine " ..
                "days in a hospital bed. NICE QS89 (statement 2) expects a pressure ulcer " ..
                "risk assessment at the first face-to-face visit for anyone referred to " ..
                "community nursing with a risk factor, whatever the paperwork says. Waiting a " ..
                "week, or asking a relative to look, leaves a wound unseen and the equipment " ..
                "unchased. Check a summary against its sources, and note what it did not " ..
                "read: NHS England's guidance on AI scribes, the nearest national guidance " ..
                "for generative documentation tools, expects every generated output to be " ..
                "checked by a clinician before it is used.",
    },

    skin_today = {
      title = "Her sacrum and heels",
      text = function(s) return findings(s) end,
      elapsed = 20,
      next = "plan",
    },

    skin_next_day = {
      title = "Two days later",
      text = function(s) return findings(s) end,
      elapsed = 2880,
      next = "plan",
    },

    skin_later = {
      title = function(s)
        return s.choices.skin == "nextweek" and "Seven days later" or "Five days later"
      end,
      text = function(s) return findings(s) end,
      elapsed = function(s) return s.choices.skin == "nextweek" and 10080 or 7200 end,
      next = "plan",
    },

    plan = {
      title = "The care plan",
      text = "You write up the visit in the community nursing record: the wound, the heel, " ..
             "her PURPOSE-T assessment, the transfer form and the mattress that has not " ..
             "arrived. VisitBrief can draft a care plan from your visit notes if you ask " ..
             "it.",
      elapsed = 15,
      decision = {
        prompt = "What care plan do you put in place?",
        options = {
          { id = "drafted", label = "Repositioning at least 4-hourly, the mattress chased " ..
                                    "today, wound review every 3 days" },
          { id = "cream", label = "Barrier cream to the sacrum, and review the area at " ..
                                  "next week's visit" },
          { id = "sixhour", label = "Repositioning every 6 hours, wait for the mattress, " ..
                                    "weekly visits" },
          { id = "admit", label = "Ask the GP to readmit her to hospital for pressure area " ..
                                  "care" },
        },
        next = "outcome",
        best = { "drafted" },
        advice = {
          recommend = "drafted",
          confidence = nil,
          message = function(s)
            local late = s.choices.skin == "leave" or s.choices.skin == "nextweek"
            return "DRAFT CARE PLAN - from your visit notes, for review\n1. Sacral pressure " ..
                   "ulcer: dressing from the local wound formulary; review every 3 days; " ..
                   (late and "refer to the tissue viability team today." or
                    "refer to the tissue viability team if it worsens.") ..
                   "\n2. High risk on PURPOSE-T: reposition at least every 4 hours; teach " ..
                   "Mrs Whitaker and Karen how, and how to check her skin.\n3. " ..
                   "High-specification foam mattress: chase the delivery today.\n4. Left " ..
                   "heel, " .. (late and "blood-filled blister" or "non-blanching redness") ..
                   ": keep pressure off the heel; check at each visit.\n5. Catheter care as " ..
                   "before."
          end,
          timing = "on_request",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          drafted = "At high risk, NICE QS89 recommends repositioning at least every 4 hours, " ..
                    "with advice to her and Karen on how; a high-specification foam mattress " ..
                    "is recommended for people at high risk, so chasing it matters today. " ..
                    "VisitBrief's draft, made from your own notes, held the same plan.",
          cream = "Barrier cream relieves no pressure. An open sacral wound and a damaged " ..
                  "heel in a woman at high risk need repositioning at least every 4 hours " ..
                  "(NICE QS89), the mattress chased, and a review sooner than a week.",
          sixhour = "Every 6 hours is NICE QS89's interval for people at risk; for people at " ..
                    "high risk, as her assessment shows, it is at least every 4 hours. An " ..
                    "unchased mattress can take days to arrive while she lies on a standard " ..
                    "one.",
          admit = "A wound that can be cared for at home does not need a hospital bed, and " ..
                  "asking for one is not a care plan: the repositioning, the mattress and the " ..
                  "wound care are needed today, and district nursing can provide them.",
        },
      },
      debrief = "VisitBrief was right here, because the draft came from your own " ..
                "notes, which held what the brief had missed: the same tool is as good as " ..
                "what it is given. For an adult at high risk, NICE QS89 recommends " ..
                "repositioning at least every 4 hours (every 6 hours for those at risk), " ..
                "with advice to the person and their carers on how to do it; NICE CG179 " ..
                "recommends a high-specification foam mattress for people at high risk. " ..
                "Barrier cream relieves no pressure, and a wound that can be cared for at " ..
                "home does not need a hospital bed. Read the draft before you sign it: it " ..
                "becomes your record (NMC Code, section 10).",
    },

    outcome = {
      title = "Three weeks later",
      text = function(s)
        local skin, plan = s.choices.skin, s.choices.plan
        if plan == "admit" then
          return "The GP did not readmit her, and the plan was made a day later by the " ..
                 "district nursing team lead."
        end
        if skin == "leave" or skin == "nextweek" then
          return "The mattress arrived after the tissue viability nurse chased it. The " ..
                 "sacral wound took months to heal, and the heel blister became an open " ..
                 "wound."
        end
        if plan ~= "drafted" then
          return "The mattress was not chased and arrived twelve days later. The sacral " ..
                 "wound grew, and the heel blistered."
        end
        return "The mattress arrived the next day. Karen and the carers repositioned her " ..
               "through the day, and the sacral wound was smaller at each visit."
      end,
      elapsed = 30240,
      ending = {
        outcome = function(s)
          local skin, plan = s.choices.skin, s.choices.plan
          if skin == "leave" or skin == "nextweek" then return "harm" end
          if plan == "cream" or plan == "sixhour" then return "harm" end
          if plan == "admit" or skin == "daughter" then return "neutral" end
          if s.choices.kitchen ~= "letter" then return "neutral" end
          return "good"
        end,
        summary = function(s)
          local skin, plan = s.choices.skin, s.choices.plan
          local head
          if s.choices.kitchen == "letter" then
            head = "Her medicines were reconciled on the first day."
          elseif s.choices.kitchen == "neither" then
            head = "She went a day without her anticoagulant before the GP practice " ..
                   "confirmed the change."
          elseif s.choices.kitchen == "pack" then
            head = "She took the aspirin in her pack and no anticoagulant, with new atrial " ..
                   "fibrillation, until the GP practice changed the repeat list a week later."
          else
            head = "She took aspirin with apixaban until the GP practice changed the " ..
                   "repeat list a week later."
          end
          local tail
          if skin == "leave" or skin == "nextweek" then
            tail = " Her sacral pressure ulcer, unseen for days without the right mattress, " ..
                   "deepened and became an incident for investigation."
          elseif plan == "cream" or plan == "sixhour" then
            tail = " Her pressure ulcer was found at the first visit, but without 4-hourly " ..
                   "repositioning and the mattress it worsened."
          elseif plan == "admit" then
            tail = " Her pressure ulcer was found; its plan was a day late."
          elseif skin == "daughter" then
            tail = " Her pressure ulcer was found two days later than it could have been, " ..
                   "and then healed with repositioning and the mattress."
          else
            tail = " Her pressure ulcer was found at the first visit and healed with " ..
                   "repositioning and the mattress."
          end
          return head .. tail
        end,
      },
    },
  },
}
