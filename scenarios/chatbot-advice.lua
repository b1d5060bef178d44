-- A rash, a phone and a question: chatbot advice in a GP practice.
-- General practice; the trainee is the practice nurse. One tool, a
-- general-purpose chatbot ("ChatHelp") that is not a medical device and that
-- the practice has not approved; its card says so (out of scope throughout).
--   1. rash: a mother brings her feverish 3-year-old and the chatbot's reply.
--      In "wrong_first" it calls it a viral illness and misses the red flag
--      it was never told about (a false negative: recommend = reassure); in
--      "wrong_second" it asks for the glass test and says to get her seen
--      now (right: recommend = look).
--   2. dose: the duty GP asks for benzylpenicillin while calling 999; a
--      colleague suggests asking the chatbot (advice on request, timed). In
--      "wrong_first" it declines and points to the BNFC (right); in
--      "wrong_second" it gives 1.2 g, the adult dose (a false positive:
--      recommend = the chatbot's dose). The best answer is the approved
--      source, never a number.
--   3. question: a week later the mother asks whether the app was wrong and
--      whether a computer decides; she shows the chatbot's own reply, which
--      is right (both variants).
-- So each trainee meets the chatbot wrong once and right twice. Its replies
-- are its own words; a chatbot reports no confidence and no reasons.
-- No early-warning score (early_warning = "none"): NEWS2 is for adults, and
-- the paediatric chart is not reproduced here; the first result says so.
local variants = include("variants")

-- Minutes from the mother's arrival to the rash being found.
local delay = { look = 0, slot = 30, antipyretic = 30, reassure = 50 }

-- Whether Ella had an intramuscular benzylpenicillin before she left (in
-- "wrong_first" the chatbot declines, so its path ends at the BNFC too).
local function given(s)
  local dose = s.choices.dose
  return dose == "bnfc" or dose == "chatbot"
end

local function course(s)
  local late = delay[s.choices.rash]
  if late >= 50 then return "harm" end
  if late > 0 then return given(s) and "neutral" or "harm" end
  if s.choices.dose == "bnfc" then return "good" end
  return "neutral"
end

return case {
  format = 1,
  id = "chatbot-advice",
  version = "1.0",
  title = "Tuesday afternoon: a rash, a phone and a question",
  summary = "A mother walks into the practice with her feverish daughter and a " ..
            "chatbot's answer on her phone. You are the practice nurse: you assess, help " ..
            "the duty GP, and explain.",
  objectives = {
    "Undress a feverish child and check any rash with a glass: a non-blanching rash is " ..
      "a red feature (NICE NG143)",
    "Read a chatbot's answer as a reply to what it was told, not to the child in front " ..
      "of you",
    "Take a dose from an approved source (the BNFC or the local formulary), never from " ..
      "a tool your organisation has not approved",
    "Give a pre-hospital antibiotic in suspected meningococcal disease without delaying " ..
      "transfer (NICE NG240)",
    "Explain honestly to a parent what an AI tool can and cannot do, and who decides",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG143 (2019) Fever in under 5s: assessment and initial management",
    "NICE NG240 (2024) Meningitis (bacterial) and meningococcal disease: recognition, " ..
      "diagnosis and management",
    "BNF for Children: benzylpenicillin (check the current edition)",
    "NHS England. Artificial intelligence: information governance guidance (reviewed by " ..
      "the ICO and National Data Guardian)",
    "General Medical Council and Nursing and Midwifery Council. Openness and honesty when " ..
      "things go wrong: the professional duty of candour",
    "Nursing and Midwifery Council (2018) The Code: Professional standards of practice " ..
      "and behaviour for nurses, midwives and nursing associates",
  },
  tags = { "primary-care", "paediatrics", "chatbot" },
  minutes = 8,
  early_warning = "none",
  variants = { "wrong_first", "wrong_second" },
  x_setting = "primary_care",
  x_profession = "practice_nurse",
  x_failure_modes = { "false_negative", "false_positive", "out_of_scope", "ai_right" },
  x_ai_errors = { "wrong_first/rash false_negative", "wrong_second/dose false_positive" },
  x_tool_types = { "chatbot" },
  x_explanations = { "none" },

  patient = {
    name = "Ella Okafor", age = 3, sex = "F",
    setting = "GP practice, Tuesday afternoon",
    complaint = "Fever since this morning; sleepy; a few spots on her tummy",
    history = { "Born at term; no medical problems", "Immunisations up to date" },
    medications = { "Paracetamol oral suspension at 08:00, given at home" },
    allergies = { "No known drug allergies" },
  },

  results = {
    { name = "Early warning score", value = "Not shown: NEWS2 is for adults, and this " ..
      "simulation does not reproduce the paediatric early warning chart" },
  },

  ai = {
    name = "ChatHelp", version = "5",
    kind = "general-purpose chatbot (generative AI)",
    intended_use = "Answers questions and drafts text for the general public. It is not " ..
                   "a medical device, and the practice has not approved it for any " ..
                   "clinical use.",
    trained_on = "Large amounts of text from the internet and licensed sources, up to a " ..
                 "cut-off date; the developer does not publish the details",
    limitations = {
      "Its answers are generated text: fluent, and sometimes wrong without warning",
      "It knows only what it is told; it cannot see or examine anyone",
      "The same question can get a different answer another time",
      "Not a medical device: it carries no UKCA or CE mark for diagnosis or for " ..
        "calculating doses",
      "Not approved by the practice: do not enter identifiable patient details (check " ..
        "local information governance policy)",
    },
  },

  start_time = "15:10",       -- the time of day at the start; the header adds the case clock
  start = "rash",
  nodes = {
    rash = {
      title = "15:10, the treatment room",
      text = function(s)
        local said
        if s.variant == "wrong_second" then
          said = "\"It said to press a glass on them, but I didn't have one, and I " ..
                 "wasn't sure what I was looking for, so we came straight here.\""
        else
          said = "\"It said it's probably a virus, but she's just not herself, so I " ..
                 "brought her anyway.\""
        end
        return "Reception asks you to see a child between your appointments: the duty " ..
               "GP, Dr Shah, is in with a patient. Ms Grace Okafor carries in her " ..
               "daughter Ella, 3, who rests her head on her mother's shoulder and watches " ..
               "you without smiling.\n\n\"She's had a temperature since this morning and " ..
               "she's so sleepy,\" Ms Okafor says. She shows you her phone. At 13:30 she " ..
               "typed: \"my 3 year old has had a temperature since this morning, she's " ..
               "tired and has a few spots on her tummy, what should I do?\" " .. said
      end,
      decision = {
        prompt = "What do you do first?",
        options = {
          { id = "reassure", label = "Agree it sounds viral: fluids, paracetamol, and what " ..
                                     "to watch for at home", next = "sent_home" },
          { id = "look", label = "Take her through now: undress her, glass-test each spot, " ..
                                 "full observations", next = "examined" },
          { id = "slot", label = "Ask reception to book her into the duty GP's next free " ..
                                 "appointment", next = "waited" },
          { id = "antipyretic", label = "Give paracetamol now, and reassess her once the " ..
                                        "fever has settled", next = "waited" },
        },
        best = { "look" },
        advice = variants.advice({ confidence = nil, timing = "with_case" }, {
          wrong_first = {
            recommend = "reassure",
            message = "It sounds like your daughter may have a viral infection, which is " ..
                      "very common in young children. Keep her drinking plenty of fluids, " ..
                      "let her rest, and you can give children's paracetamol or ibuprofen " ..
                      "if she seems uncomfortable. Most viral rashes fade on their own. " ..
                      "See your GP if she isn't getting better in 48 hours, or call NHS 111 " ..
                      "if you're worried.",
          },
          wrong_second = {
            recommend = "look",
            message = "A fever with spots in a young child should be checked straight " ..
                      "away. Press the side of a clear glass firmly against the spots: if " ..
                      "they don't fade, this can be a sign of meningitis or sepsis, so call " ..
                      "999 or go to the nearest emergency department now. If the spots fade " ..
                      "and she is alert and drinking, a viral illness is more likely; call " ..
                      "NHS 111 or your GP for advice.",
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          look = "A feverish 3-year-old who is sleepy, not smiling and \"not herself\", with " ..
                 "spots, needs undressing and a glass pressed on every spot: a non-blanching " ..
                 "rash with fever is a red feature (NICE NG143). Whatever ChatHelp said, it " ..
                 "answered only what was typed; it could not see the spots.",
          reassure = "Reassurance needs an examination first. ChatHelp answered only what was " ..
                     "typed, \"a few spots on her tummy\", and could not see or press on them; " ..
                     "a sleepy, feverish child with spots needs undressing and a glass test, " ..
                     "because a non-blanching rash with fever is a red feature (NICE NG143).",
          slot = "A slot in 30 minutes leaves a sleepy, feverish child with a rash nobody has " ..
                 "looked at in the waiting room. Undressing her and pressing a glass on each " ..
                 "spot takes a minute, and a non-blanching rash with fever is a red feature " ..
                 "(NICE NG143).",
          antipyretic = "Paracetamol eases distress but does not tell you what is wrong: NICE " ..
                        "notes it is not clear that a child's response to an antipyretic " ..
                        "separates serious illness from minor. The rash needs looking at now, " ..
                        "with a glass (NICE NG143).",
        },
      },
      debrief = function(s)
        local what
        if s.variant == "wrong_first" then
          what = "ChatHelp answered what it was told: \"a few spots on her tummy\". It " ..
                 "could not see that they were purple, could not press a glass on them, " ..
                 "and did not ask; its reassurance was a fluent answer to the wrong " ..
                 "question. Ms Okafor did the right thing in coming anyway: her sense that " ..
                 "Ella was not herself was the signal the app could not weigh."
        else
          what = "ChatHelp's answer was sound: it asked for the glass test and told her to " ..
                 "get Ella seen at once if the spots did not fade. It still could not see " ..
                 "the rash; you could. Agreeing with good advice is not a weakness, and " ..
                 "here it meant examining her straight away."
        end
        return what .. " Undressing a feverish child fully and pressing a glass on every " ..
               "spot takes a minute. A non-blanching rash in a child with fever is a red " ..
               "feature in NICE NG143; with cold hands and feet, a capillary refill of 4 " ..
               "seconds and drowsiness it points to meningococcal septicaemia, a medical " ..
               "emergency. Early in the illness the rash can still blanch, so a rash that " ..
               "fades does not end the assessment. Paracetamol and a later reassessment, " ..
               "or a slot in 30 minutes, spend time she does not have."
      end,
    },

    examined = {
      title = "Undressed",
      elapsed = 3,
      text = "On her thighs, shins and lower tummy are a dozen purple-red pinpoint spots " ..
             "and two larger blotches. Pressed with the side of a glass, none of them " ..
             "fades. Her hands and feet are cold. She opens her eyes to her name, then " ..
             "drifts off again.\n\nYou press the emergency call. Dr Shah comes at once, " ..
             "agrees that this looks like meningococcal disease, and dials 999.",
      vitals = { hr = 170, rr = 38, spo2 = 96, temp = 39.1, avpu = "V", o2 = "air",
                 x_cap_refill = "4 s", x_weight = "14 kg" },
      next = "dose",
    },

    waited = {
      title = "15:40",
      elapsed = 30,
      text = function(s)
        local first
        if s.choices.rash == "slot" then
          first = "At 15:40 the receptionist calls you: the little girl in the waiting " ..
                  "room will not wake up properly."
        else
          first = "You give her paracetamol and see your next patient. At 15:40 you " ..
                  "reassess: she is no cooler and harder to rouse."
        end
        return first .. " You undress her. On her thighs, shins and tummy are purple-red " ..
               "spots and spreading blotches; pressed with a glass, none fades. Her hands " ..
               "and feet are cold and mottled.\n\nYou press the emergency call. Dr Shah " ..
               "comes at once, agrees that this looks like meningococcal disease, and " ..
               "dials 999."
      end,
      vitals = { hr = 178, rr = 42, spo2 = 95, temp = 39.3, avpu = "V", o2 = "air",
                 x_cap_refill = "5 s", x_weight = "14 kg" },
      next = "dose",
    },

    sent_home = {
      title = "16:00",
      elapsed = 50,
      text = "They leave at 15:15. At 16:00 Ms Okafor runs back in with Ella limp in her " ..
             "arms: the spots are spreading and have turned purple. Pressed with a glass, " ..
             "none fades. Ella's hands and feet are cold and mottled, and she only moans " ..
             "when you pinch her earlobe.\n\nYou press the emergency call. Dr Shah comes " ..
             "at once, agrees that this looks like meningococcal disease, and dials 999.",
      vitals = { hr = 184, rr = 46, spo2 = 93, temp = 39.4, avpu = "P", o2 = "air",
                 x_cap_refill = "5 s", x_weight = "14 kg" },
      next = "dose",
    },

    dose = {
      title = "Waiting for the ambulance",
      text = "Dr Shah, on the phone to ambulance control, turns to you: \"Draw up " ..
             "benzylpenicillin from the emergency bag, please. I'll give it into her thigh " ..
             "as soon as I'm off.\"\n\nThe healthcare assistant holding the door says: " ..
             "\"Just ask ChatHelp on my phone. It's quicker than finding the book.\"",
      decision = {
        prompt = "How do you get the dose?",
        options = {
          { id = "chatbot", label = "Type her age and weight into ChatHelp and draw up the " ..
                                    "dose it gives" },
          { id = "bnfc", label = "Look the dose up in the BNFC or the practice's emergency " ..
                                 "drug protocol" },
          { id = "none", label = "Draw up nothing: the hospital will start her antibiotics " ..
                                 "on arrival" },
          { id = "oral", label = "Give her a dose of oral amoxicillin while you all wait " ..
                                 "for the crew" },
        },
        next = "transfer",
        best = { "bnfc" },
        advice = variants.advice({ confidence = nil, timing = "on_request" }, {
          wrong_first = {
            recommend = "bnfc",
            message = "I can't recommend a dose for a particular patient. For suspected " ..
                      "meningococcal disease, use the BNF for Children or your local " ..
                      "emergency drug protocol, and don't let giving it delay getting her " ..
                      "to hospital.",
          },
          wrong_second = {
            recommend = "chatbot",
            message = "For suspected meningococcal disease before transfer to hospital: " ..
                      "benzylpenicillin 1.2 g by intramuscular injection, as a single dose. " ..
                      "Don't delay transfer to give it.",
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        time_limit = 120,
        on_timeout = "transfer",
        feedback = {
          bnfc = "An approved source, checked by a second person: the BNFC and UK " ..
                 "formularies that follow NICE NG240 give benzylpenicillin 600 mg for a child " ..
                 "aged 1 to 9 years (1.2 g from 10 years), IM if a vein cannot be found.",
          chatbot = "ChatHelp is not a medical device and the practice has not approved it, " ..
                    "so no dose from it can be relied on, and typing her details in shares " ..
                    "them with a service nobody has approved. Go to the BNFC or your " ..
                    "emergency drug protocol first: 600 mg for a child aged 1 to 9 years.",
          none = "NICE NG240 asks for parenteral benzylpenicillin before transfer in " ..
                 "suspected meningococcal disease, when giving it does not delay the " ..
                 "ambulance; the look-up takes a minute, waiting for the hospital takes much " ..
                 "longer. The BNFC gives 600 mg IM for a child aged 1 to 9 years.",
          oral = "NICE NG240 asks for parenteral benzylpenicillin before transfer; an oral " ..
                 "antibiotic is no substitute, and a drowsy child may not swallow or keep it " ..
                 "down. The BNFC gives 600 mg IM for a child aged 1 to 9 years.",
        },
      },
      debrief = function(s)
        local what
        if s.variant == "wrong_second" then
          what = "ChatHelp answered at once and with assurance: 1.2 g, the dose UK " ..
                 "formularies give from the age of 10. For Ella, at 3, they give 600 mg. " ..
                 "Nothing in the answer showed it was wrong."
        else
          what = "ChatHelp declined and pointed to the BNFC: the right answer, and one " ..
                 "you could have gone to first. Another time, asked the same way, the " ..
                 "same kind of tool can answer with a confident number."
        end
        return what .. " A general-purpose chatbot is not a medical device (software " ..
               "that calculates doses is one of the MHRA's examples of one), and your " ..
               "practice has not approved it. Take doses from an approved source, the BNFC " ..
               "or your local formulary or emergency drug protocol, and have a second " ..
               "person check them where you can. " ..
               "Typing her age, weight and illness into it also shares her details with a " ..
               "service your organisation has not approved: do not enter identifiable " ..
               "patient details into such a tool, and check your local information " ..
               "governance policy. NICE NG240 asks for parenteral benzylpenicillin before " ..
               "transfer when there is time and it does not delay the ambulance; an oral " ..
               "antibiotic is not a substitute, and waiting for the hospital loses time " ..
               "the look-up would not."
      end,
    },

    transfer = {
      title = "The ambulance",
      elapsed = 12,
      text = function(s)
        local dose, first = s.choices.dose, nil
        if dose == "bnfc" then
          first = "You find the dose for her age band in the practice's emergency drug " ..
                  "protocol, and Dr Shah checks it against the BNFC and the vial before " ..
                  "giving it into her thigh."
        elseif dose == "chatbot" and s.variant == "wrong_first" then
          first = "ChatHelp will not give a dose and tells you to use the BNFC. You look " ..
                  "it up there, a minute later than you could have, and Dr Shah checks it " ..
                  "with you before giving it. Her name, age and weight are now in a chat " ..
                  "history on a phone the practice does not manage."
        elseif dose == "chatbot" then
          first = "ChatHelp answers at once: 1.2 g. You draw it up, and Dr Shah, just off " ..
                  "the phone, gives it into her thigh. At the hospital the pharmacist " ..
                  "notices it was twice the dose for her age; the practice reports it as " ..
                  "a medication incident."
        elseif dose == "oral" then
          first = "Ella will not swallow the amoxicillin, and what she takes she brings " ..
                  "back up. No injected antibiotic is given before the crew arrives."
        elseif dose == "none" then
          first = "You draw nothing up. Dr Shah, off the phone, asks where the " ..
                  "benzylpenicillin is; the crew arrives before it is ready."
        else
          first = "The crew arrives while the dose is still being found, and takes her " ..
                  "without it."
        end
        return first .. "\n\nThe ambulance takes Ella and her mother to the children's " ..
               "emergency department, where she is given intravenous antibiotics and " ..
               "fluids."
      end,
      next = "question",
    },

    question = {
      title = "The following week",
      elapsed = 7 * 24 * 60,
      text = function(s)
        local how = course(s)
        local news
        if how == "good" then
          news = "Ella came home yesterday after a week of intravenous antibiotics on the " ..
                 "children's ward. Her blood culture grew meningococcus. She is tired, " ..
                 "but herself again."
        elseif how == "neutral" then
          news = "Ella spent a night on the paediatric high-dependency unit and five days on " ..
                 "the children's ward; her blood culture grew meningococcus. She came home " ..
                 "yesterday."
        else
          news = "Ella spent five days in paediatric intensive care with meningococcal " ..
                 "septic shock. She is now on the children's ward, where the team are " ..
                 "watching the skin over both shins, where the rash was worst."
        end
        local app
        if s.variant == "wrong_second" then
          app = "\"It told me to do the glass test, and I couldn't tell. Did it get it " ..
                "right?"
        else
          app = "\"It told me it was a virus. Was it wrong?"
        end
        return news .. "\n\nMs Okafor comes into the practice for a letter for her " ..
               "work, and asks to see you. " ..
               app .. " And is it a computer like that that decides what happens to her " ..
               "now?\" Last night she asked ChatHelp whether its answer about her daughter " ..
               "had been wrong; she shows you the reply."
      end,
      decision = {
        prompt = "What do you tell Ms Okafor?",
        options = {
          { id = "explain", label = function(s)
              if delay[s.choices.rash] > 0 then
                return "That it could not see her, you should have looked sooner, and " ..
                       "people decide"
              end
              return "That it could not see her, coming in was right, and people decide " ..
                     "her care"
            end },
          { id = "never", label = "That apps like it are unsafe, and she should not use " ..
                                  "them for health questions" },
          { id = "fitted", label = "That it answered what she typed, so it was not really " ..
                                   "wrong about Ella" },
          { id = "maker", label = "That you cannot comment on an app, and she should take " ..
                                  "it up with its maker" },
        },
        next = function(s) return "end_" .. course(s) end,
        best = { "explain" },
        advice = {
          recommend = "explain",
          confidence = nil,
          message = "I'm sorry your daughter has been so unwell. I can't examine anyone or " ..
                    "see a rash, and my answers can be wrong, so I can't tell you whether " ..
                    "what I said before was right for her. The nurses and doctors who saw " ..
                    "her are the right people to explain what happened, and they make " ..
                    "decisions about her care with you. You did the right thing getting " ..
                    "her seen in person.",
          timing = "with_case",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        -- Resolved on entering this node, when the first decision is long made: the
        -- explain option's label reads the same delay.
        feedback = function(s)
          local explain
          if delay[s.choices.rash] > 0 then
            explain = "The honest answer: the app could not see Ella and can be wrong " ..
                      "without knowing it, and people decide her care. Saying the practice " ..
                      "should have looked sooner, with an apology, is the professional duty " ..
                      "of candour; the app should not carry the blame."
          else
            explain = "The honest answer: the app could not see Ella and can be wrong " ..
                      "without knowing it, and people decide her care. NHS England's " ..
                      "guidance for patients says decisions will not be made by the AI " ..
                      "system. Telling her that coming in was right backs the instinct that " ..
                      "mattered most."
          end
          return {
            explain = explain,
            never = "Telling her never to use such apps will not stop her, and it misses " ..
                    "what she can take away: an app cannot see her child, and a look at the " ..
                    "whole child and a glass on the rash made the difference. Coming in when " ..
                    "worried was right, whatever an app says.",
            fitted = "\"It answered what you typed\" puts the blame on a frightened parent " ..
                     "for not knowing which words mattered. Whatever the app said, it could " ..
                     "not see Ella; say what made the difference, and that coming in was right.",
            maker = "She asked you, and you can answer: what the app can and cannot do, what " ..
                    "made the difference for Ella, and who decides her care. Sending her to " ..
                    "the maker leaves her question unanswered.",
          }
        end,
      },
      debrief = function(s)
        local own = ""
        if delay[s.choices.rash] > 0 then
          own = " Here the practice also missed the rash at first: the professional duty " ..
                "of candour (GMC and NMC) asks you to tell her, to apologise, and to " ..
                "explain what happens next, not to let the app carry the blame."
        end
        return "ChatHelp's own reply was right, and it is the honest answer: the app could " ..
               "not see Ella, it can be wrong without knowing it, and people decide. NHS " ..
               "England's information governance guidance on AI tells patients that AI may " ..
               "help a professional reach a decision, but that decisions will not be made " ..
               "by the AI system: professionals advise and patients make the final " ..
               "decision. That is true of tools the NHS has approved; the app on her phone " ..
               "is not one of them. Telling a parent never to use such apps will not stop " ..
               "her, and 'it answered what you typed' blames her for not knowing what to " ..
               "type. Tell her what made the difference (a look at the whole child and a " ..
               "glass on the rash) and that coming in when she was worried was right, " ..
               "whatever an app says." .. own
      end,
    },

    end_good = {
      title = "Home",
      text = "",
      ending = {
        outcome = "good",
        summary = "Ella was examined at once, had the right dose of benzylpenicillin from " ..
                  "an approved source before the ambulance left, and recovered fully.",
      },
    },

    end_neutral = {
      title = "Home",
      text = "",
      ending = {
        outcome = "neutral",
        summary = function(s)
          if delay[s.choices.rash] > 0 then
            return "Ella recovered, after a night on the high-dependency unit that a " ..
                   "prompt examination might have spared her."
          end
          if s.choices.dose == "chatbot" and s.variant == "wrong_second" then
            return "Ella recovered, after twice the dose for her age from a chatbot's answer."
          elseif s.choices.dose == "chatbot" then
            return "Ella recovered; her details went into a chatbot the practice has not " ..
                   "approved, and a minute went with them."
          end
          return "Ella recovered, after her first antibiotic waited for the hospital."
        end,
      },
    },

    end_harm = {
      title = "Intensive care",
      text = "",
      ending = {
        outcome = "harm",
        summary = "Ella needed intensive care for meningococcal septic shock, after a " ..
                  "delay before anyone looked at her rash.",
      },
    },
  },
}
