-- The tube, not the lung: a chest X-ray model that learned to see drains.
-- Radiology reporting: three films of one young man's pneumothorax over two
-- days. On the admission film the pre-read is right in both variants, and
-- the question is who needs to know now. In "ai_wrong" the pneumothorax
-- detector keys on chest drains, and its explanation gives this away: it
-- calls a pneumothorax on a re-expanded lung with a drain in place (false
-- positive, spurious cue), then misses a small apical pneumothorax once the
-- drain is out ("no tube detected": false negative). Its explanation of the
-- admission film already counts the absent tube against a pneumothorax. In
-- "ai_right" the model reads the lung, not the tube, and is right on every
-- film; its debriefs show what a sound explanation rests on.
local models = include("models")
local variants = include("variants")

-- A sentence for the endings when the admission film waited for a team.
local function admission_note(s)
  if s.choices.admission ~= "phone" then
    return " His admission film waited over an hour for a team to act on it."
  end
  return ""
end

-- Feedback texts. The admission film's pre-read is right in every variant
-- and its explanation rests mostly on the pleural line in both; the later
-- films depend on the variant. Facts: RCR (2016) communication standards,
-- BTS 2023 (symptoms rather than size), drain removal as in the debrief,
-- and the radiographic signs of a skin fold (Radiopaedia, a radiology
-- reference); see docs/clinical-checks/feedback-round.md.
local admission_tool = " The pre-read was right, and its explanation rested mostly on the " ..
                       "visceral pleural line and the missing markings beyond it - what a " ..
                       "pneumothorax is."
local urgent = "a 4 cm pneumothorax in a breathless young man still in the waiting area is a " ..
               "finding the team needs now, and the RCR communication standards expect such " ..
               "findings to reach the team directly"

local function drain_film_feedback(s)
  local tool
  if s.variant == "ai_wrong" then
    tool = " ChestFind's score came almost all from the tube and the region around it, and " ..
           "next to nothing from a visceral pleural line, which is what a pneumothorax is."
  else
    tool = " ChestFind's explanation rested on the lung markings and the missing pleural " ..
           "line, and gave the drain almost no weight: what a sound read of this film rests on."
  end
  local lung_up = "Lung markings reach the chest wall and there is no visceral pleural line: " ..
                  "the lung is up"
  return {
    expanded = lung_up .. ", and a drain is usually removed once the lung has re-expanded " ..
               "and the air leak has stopped, as here." .. tool,
    residual = lung_up .. ", and subcutaneous air at the insertion site is not a " ..
               "pneumothorax. Reporting one keeps in a drain that is ready to come out." .. tool,
    ct = lung_up .. ", so the film answers the question. A CT adds radiation and a day's " ..
         "delay to a drain that is ready to come out." .. tool,
  }
end

local function drain_out_feedback(s)
  local tool
  if s.variant == "ai_wrong" then
    tool = " ChestFind's largest reason was \"no tube or catheter detected\": a device cue, " ..
           "not the lung, and a model that has learned to find treated pneumothoraces " ..
           "misses untreated ones."
  else
    tool = " ChestFind weighted the visceral pleural line and the absent markings beyond it, " ..
           "as a sound read does; here the advice and the image agreed."
  end
  local seen = "A fine pleural line at the apex with no lung markings beyond it is a small " ..
               "pneumothorax"
  local bts = "the BTS 2023 guideline bases management on symptoms rather than size, and " ..
              "the respiratory team decides with him, often by observation and a repeat film"
  return {
    small = seen .. ", and the team must know before he goes home (RCR communication " ..
            "standards). In a well patient it does not in itself need a new drain: " .. bts ..
            "." .. tool,
    clear = seen .. ", and the request read \"home today if clear\": a clear report sends " ..
            "him home with it. The respiratory team needs to hear today (RCR communication " ..
            "standards)." .. tool,
    new_drain = seen .. ", but in a well patient it does not in itself need a new drain: " ..
                bts .. "." .. tool,
  }
end

return case {
  format = 1,
  id = "radiology-chest-drain",
  version = "2.0",
  title = "Three chest films in two days",
  summary = "You are reporting chest films with an AI pre-read. Follow one young man's " ..
            "films over two days, and decide what each shows and who needs to know.",
  objectives = {
    "Report a pneumothorax and make sure an urgent finding reaches the team directly " ..
      "(RCR communication standards)",
    "Report a chest drain film: lung re-expansion, residual air, drain position",
    "Use a model's explanation to see what drives its output, such as a device rather " ..
      "than the disease",
    "Recognise that a model keyed on treatment devices misses untreated disease",
  },
  authors = { "Appraise project" },
  references = {
    "Roberts ME et al. (2023) British Thoracic Society Guideline for pleural disease. " ..
      "Thorax 78(Suppl 3)",
    "Asciak R et al. (2023) British Thoracic Society Clinical Statement on pleural " ..
      "procedures. Thorax 78(Suppl 3)",
    "Royal College of Radiologists (2016) Standards for the communication of radiological " ..
      "reports and fail-safe alert notification",
    "Oakden-Rayner L et al. (2020) Hidden stratification causes clinically meaningful " ..
      "failures in machine learning for medical imaging. Proc ACM CHIL 2020:151-159",
  },
  tags = { "radiology", "reporting", "chest" },
  minutes = 10,
  variants = { "ai_right", "ai_wrong" },
  x_setting = "radiology",
  x_profession = "radiologist",
  x_tool_types = { "image_classifier" },
  x_failure_modes = { "spurious_cue", "false_positive", "false_negative" },
  x_ai_errors = { "ai_wrong/drain_film false_positive", "ai_wrong/drain_out false_negative" },

  patient = {
    name = "Thomas Reid", age = 24, sex = "M",
    setting = "Radiology reporting room",
    complaint = "Sudden right-sided chest pain and breathlessness",
    history = { "Smoker, 8 pack-years", "No known lung disease" },
    medications = { "None regularly" },
    allergies = { "No known drug allergies" },
  },

  ai = models.card("cxr"),

  start = "ed_list",
  nodes = {
    ed_list = {
      title = "The emergency list",
      text = "You are the radiology registrar reporting the emergency department's films. " ..
             "The department's ChestFind pre-read flags each film before you open it.\n\n" ..
             "Mr Reid, 24, walked in an hour ago with sudden right-sided chest pain and " ..
             "breathlessness. The triage note reads: \"Pleuritic pain, ?musculoskeletal. " ..
             "SpO2 95% on air. Waiting to be seen.\"",
      next = "admission",
    },

    admission = {
      title = "The admission film",
      text = "PA chest. A fine white line runs parallel to the right chest wall from the " ..
             "apex down to the level of the hilum, with no lung markings beyond it; at the " ..
             "hilum it lies about 4 cm from the chest wall. The trachea and mediastinum are " ..
             "central. The left lung is clear.",
      image = {
        file = "images/radiology-chest-drain-admission.png",
        alt = "PA chest radiograph. On the right a fine white line runs parallel to the " ..
              "chest wall from the apex to the level of the hilum, about 4 cm from the " ..
              "chest wall at the hilum, with no lung markings beyond it. The trachea and " ..
              "mediastinum are central. The left lung is clear.",
      },
      results = {
        { name = "ChestFind flag (admission film)", value = "Pneumothorax, right" },
      },
      decision = {
        prompt = "How do you report this film?",
        options = {
          { id = "phone", label = "Right pneumothorax: phone the emergency department team " ..
                                  "now" },
          { id = "report", label = "Right pneumothorax: issue the report for the team to " ..
                                   "read on the system" },
          { id = "skinfold", label = "No pneumothorax: the line at the right apex is a skin " ..
                                     "fold" },
        },
        next = "admitted",
        best = { "phone" },
        advice = variants.advice({
          recommend = "phone",
          message = "PNEUMOTHORAX, right - probability 97%. Urgent review suggested.",
          timing = "after_initial",
        }, {
          ai_right = {
            reasons = {
              { "Visceral pleural line, right", 0.48 },
              { "No lung markings beyond the line", 0.31 },
              { "Right apex and lateral chest wall", 0.08 },
            },
          },
          ai_wrong = {
            reasons = {
              { "Visceral pleural line, right", 0.46 },
              { "No lung markings beyond the line", 0.29 },
              { "No tube or catheter detected", -0.12 },
            },
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          phone = "Phoning was the point: " .. urgent .. "." .. admission_tool,
          report = "The finding was right, but " .. urgent .. ", not wait to be read on the " ..
                   "system." .. admission_tool,
          skinfold = "A thin pleural line from the apex to the hilum with no lung markings " ..
                     "beyond it is a pneumothorax; a skin fold is usually a broader edge with " ..
                     "markings seen beyond it. And " .. urgent .. "." .. admission_tool,
        },
      },
      debrief = variants.pick {
        ai_right =
          "The pre-read was right, and its explanation rested on the visceral pleural line " ..
          "and the missing lung markings beyond it - what a pneumothorax is. The harder " ..
          "part was what to do with it: a pneumothorax in a breathless young man waiting " ..
          "to be seen is a finding the team needs now, not when they next open the system, " ..
          "and the RCR communication standards expect such findings to reach the team " ..
          "directly.",
        ai_wrong =
          "The pre-read was right, and most of its explanation rested on the visceral " ..
          "pleural line and the missing lung markings beyond it - what a pneumothorax is. " ..
          "The harder part was what to do with it: a pneumothorax in a breathless young " ..
          "man waiting to be seen is a finding the team needs now, not when they next open " ..
          "the system, and the RCR communication standards expect such findings to reach " ..
          "the team directly. Looking back, one factor in its explanation was already odd: " ..
          "\"no tube or catheter detected\" counted against a pneumothorax.",
      },
    },

    admitted = {
      title = "The rest of the day",
      text = function(s)
        local first
        if s.choices.admission == "phone" then
          first = "The ED registrar takes Mr Reid straight from the waiting area into majors."
        elseif s.choices.admission == "report" then
          first = "Your report waits on the system. An hour later, when Mr Reid is seen " ..
                  "and is more breathless, the ED doctor opens the film."
        else
          first = "An hour later the ED consultant, seeing Mr Reid more breathless, opens " ..
                  "the film, disagrees with your report and phones you; on a second look " ..
                  "you agree and correct it."
        end
        return first .. " The respiratory team inserts a 12 Fr Seldinger drain in the right " ..
               "fifth intercostal space for a large, symptomatic pneumothorax, and admits him."
      end,
      elapsed = function(s)
        return s.choices.admission == "phone" and 60 or 120
      end,
      results = function(s)
        local value = "Right pneumothorax, 4 cm at the hilum; no mediastinal shift. " ..
                      "Phoned to the ED registrar."
        if s.choices.admission == "report" then
          value = "Right pneumothorax, 4 cm at the hilum; no mediastinal shift."
        elseif s.choices.admission == "skinfold" then
          value = "Corrected: right pneumothorax, 4 cm at the hilum; no mediastinal shift."
        end
        return { { name = "Admission film (your report)", value = value } }
      end,
      next = "worklist",
    },

    worklist = {
      title = "The next afternoon",
      text = "The next afternoon you are working through the inpatient chest films, again " ..
             "with the ChestFind pre-read.\n\nNext is Mr Reid, the day after his drain went " ..
             "in. The request reads: \"Drain bubbling stopped overnight. Lung up? Plan " ..
             "removal if so.\"",
      elapsed = function(s) return 1620 - s.clock end,
      next = "drain_film",
    },

    drain_film = {
      title = "Film 1: drain in place",
      text = "PA chest, day 1. The drain enters laterally in the right fifth intercostal " ..
             "space and runs up to the apex; the gap in its radio-opaque line that marks " ..
             "the last side hole lies inside the ribs, so all its holes are within the " ..
             "pleural cavity. Lung markings reach the chest wall at the apex and " ..
             "laterally, and you cannot find a visceral pleural line. There is a little " ..
             "subcutaneous air at the insertion site. The left lung and mediastinum are " ..
             "normal.",
      image = {
        file = "images/radiology-chest-drain-film1.png",
        alt = "PA chest radiograph, day 1. A drain enters the right chest laterally in " ..
              "the fifth intercostal space and runs up to the apex; the gap in its " ..
              "radio-opaque line lies inside the ribs. Lung markings reach the chest wall " ..
              "at the apex and laterally, with no visceral pleural line. A little air " ..
              "under the skin at the insertion site. The left lung and mediastinum are " ..
              "normal.",
      },
      on_enter = function(s)
        s.reveal { name = "ChestFind flag (film 1)",
                   value = s.variant == "ai_wrong" and "Pneumothorax, right"
                           or "No abnormality flagged" }
      end,
      decision = {
        prompt = "How do you report this film?",
        options = {
          { id = "residual", label = "Persisting right pneumothorax; phone the ward as " ..
                                     "an urgent finding", next = "called" },
          { id = "expanded", label = "Right lung fully re-expanded, drain in a " ..
                                     "satisfactory position, no pneumothorax",
            next = "drain_out" },
          { id = "ct", label = "Indeterminate: recommend CT chest to look for residual air",
            next = "ct_done" },
        },
        best = { "expanded" },
        advice = variants.advice({ timing = "after_initial" }, {
          ai_right = {
            recommend = "expanded",
            message = "NO PNEUMOTHORAX - probability of pneumothorax 4%. No urgent findings.",
            reasons = {
              { "Lung markings to the chest wall", -0.41 },
              { "No visceral pleural line", -0.33 },
              { "Linear tube density, right hemithorax", 0.05 },
            },
          },
          ai_wrong = {
            recommend = "residual",
            message = "PNEUMOTHORAX, right - probability 96%. Urgent review suggested.",
            reasons = {
              { "Linear tube density, right hemithorax", 0.44 },
              { "Region: right apex, along the tube", 0.18 },
              { "Subcutaneous air, right chest wall", 0.07 },
              { "Visceral pleural line", 0.02 },
              { "Lung markings to the chest wall", -0.05 },
            },
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = drain_film_feedback,
      },
      debrief = function(s)
        local head
        if s.variant == "ai_wrong" then
          head = "The tool was wrong: a false positive. Its explanation gave it away - " ..
                 "almost all of its score came from the tube and the region around it, and " ..
                 "next to nothing from a visceral pleural line, which is what a " ..
                 "pneumothorax is. Models trained on report-derived labels learn that " ..
                 "films with chest drains are labelled \"pneumothorax\", because the " ..
                 "patients who have drains had one (Oakden-Rayner et al. 2020). The careful " ..
                 "cue was the image: markings to the chest wall and no pleural line mean " ..
                 "the lung is up."
        else
          head = "The tool was right: no pneumothorax. Its explanation rested on the lung " ..
                 "markings reaching the chest wall and the missing pleural line, and gave " ..
                 "the drain almost no weight. Not every model does this: models trained on " ..
                 "report-derived labels can learn that films with chest drains are labelled " ..
                 "\"pneumothorax\", because the patients who have drains had one " ..
                 "(Oakden-Rayner et al. 2020). Reading the explanation is how you tell " ..
                 "which kind of model you have."
        end
        return head .. " Reporting a residual pneumothorax, or asking for a CT, would have " ..
               "kept in a drain that was ready to come out (a drain is usually removed once " ..
               "the lung has re-expanded and the air leak has stopped, as here)."
      end,
    },

    called = {
      title = "The ward acts on your report",
      text = "The respiratory registrar reads your report, keeps the drain in and puts " ..
             "it on suction. A film the next morning is unchanged, a consultant reviews " ..
             "both films and finds no pneumothorax, and the drain is removed on day 3.",
      elapsed = 2880,
      set = { extra_days = 2 },
      next = "drain_out",
    },

    ct_done = {
      title = "CT chest",
      text = "CT the next morning shows no pneumothorax. The drain is removed on day 2, " ..
             "a day later than planned, after a CT dose he did not need.",
      elapsed = 1440,
      set = { extra_days = 1 },
      next = "drain_out",
    },

    drain_out = {
      title = "Film 2: after removal",
      text = "The drain has been removed and the check film is on your list, four hours " ..
             "later. The request reads: \"Post drain removal. Well, SpO2 97% on air. " ..
             "Home today if clear.\"\n\nYou see a fine white line running parallel to the " ..
             "chest wall at the right apex, about 1.5 cm in from it, with no lung markings " ..
             "beyond it. There is no mediastinal shift. The drain tract is visible " ..
             "laterally.",
      elapsed = 240,
      image = {
        file = "images/radiology-chest-drain-film2.png",
        alt = "PA chest radiograph after drain removal. At the right apex a fine white " ..
              "line runs parallel to the chest wall about 1.5 cm in from it, with no lung " ..
              "markings beyond it. No mediastinal shift. The drain tract is visible " ..
              "laterally.",
      },
      on_enter = function(s)
        s.reveal { name = "ChestFind flag (film 2)",
                   value = s.variant == "ai_right" and "Pneumothorax, right apex"
                           or "No abnormality flagged" }
      end,
      decision = {
        prompt = "How do you report this film?",
        options = {
          { id = "clear", label = "No pneumothorax; drain tract only; routine report" },
          { id = "new_drain", label = "Recurrent right pneumothorax requiring a new chest " ..
                                      "drain; phone the ward" },
          { id = "small", label = "Small right apical pneumothorax after drain removal; " ..
                                  "tell the respiratory team directly today" },
        },
        next = function(s, choice)
          if choice == "clear" then return "missed" end
          if choice == "new_drain" then return "redrained" end
          return "followed_up"
        end,
        best = { "small" },
        advice = variants.advice({ timing = "after_initial" }, {
          ai_right = {
            recommend = "small",
            message = "PNEUMOTHORAX, right apex - probability 78%. Small. Review suggested.",
            reasons = {
              { "Visceral pleural line, right apex", 0.41 },
              { "No lung markings beyond the line", 0.24 },
              { "No mediastinal shift", -0.06 },
            },
          },
          ai_wrong = {
            recommend = "clear",
            message = "NO PNEUMOTHORAX - probability of pneumothorax 9%. No urgent findings.",
            reasons = {
              { "No tube or catheter detected", -0.47 },
              { "No mediastinal shift", -0.12 },
              { "Visceral pleural line, right apex", 0.09 },
            },
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = drain_out_feedback,
      },
      debrief = function(s)
        local head
        if s.variant == "ai_wrong" then
          head = "The tool was wrong again, the other way: a false negative. The largest " ..
                 "factor in its explanation was \"no tube or catheter detected\" - the same " ..
                 "spurious cue as on film 1, now pointing the wrong way. It gave some weight " ..
                 "to the pleural line but far less than to the absent drain. This is the " ..
                 "failure that matters most: a model that has learned to find treated " ..
                 "pneumothoraces misses untreated ones."
        else
          head = "The tool was right again: it weighted the visceral pleural line and the " ..
                 "absent markings beyond it, as it did on the admission film. A small " ..
                 "finding on a film requested as \"home today if clear\" is easy to talk " ..
                 "yourself out of; here the advice and the image agreed."
        end
        return head .. " The careful cue was the fine pleural line with no markings " ..
               "beyond it. A small apical pneumothorax after drain removal in a well " ..
               "patient does not in itself need a new drain: the BTS 2023 guideline bases " ..
               "management of pneumothorax on symptoms rather than size, and the " ..
               "respiratory team decides with the patient, often by observation and a " ..
               "repeat film. The radiologist's part is to see it and make sure the team " ..
               "knows before he goes home (RCR communication standards). For teaching, " ..
               "the films are simple drawings, and are described in words."
      end,
    },

    followed_up = {
      title = "Observed",
      text = "The respiratory team reviews him. He is comfortable; they keep him in " ..
             "overnight; the next morning's film shows the apical air smaller, and he goes " ..
             "home with advice to stop smoking, not to fly until cleared, and to return " ..
             "at once if breathless.",
      elapsed = 1080,
      ending = {
        outcome = function(s)
          if (s.vars.extra_days or 0) > 0 or s.choices.admission ~= "phone" then
            return "neutral"
          end
          return "good"
        end,
        summary = function(s)
          local extra = s.vars.extra_days or 0
          if extra > 0 then
            return "Mr Reid recovered, after " .. extra .. " more day(s) with a drain than " ..
                   "he needed because film 1 was over-called." .. admission_note(s)
          end
          return "Mr Reid recovered with his drain out on time and his small recurrence " ..
                 "managed safely." .. admission_note(s)
        end,
      },
    },

    redrained = {
      title = "A second drain",
      text = "On the strength of the report a second drain is inserted that evening. The " ..
             "respiratory consultant, reviewing the next day, notes that a small apical " ..
             "pneumothorax in a well patient would usually have been observed.",
      elapsed = 1440,
      ending = {
        outcome = "neutral",
        summary = function(s)
          return "Mr Reid recovered, but had a second drain, with its pain and risks, " ..
                 "that his condition did not call for." .. admission_note(s)
        end,
      },
    },

    missed = {
      title = "Back two days later",
      text = "Mr Reid is discharged on the strength of a clear report. Two days later he " ..
             "returns breathless; the pneumothorax has enlarged and he needs a new drain.",
      elapsed = 2880,
      ending = {
        outcome = "harm",
        summary = function(s)
          return "A visible pneumothorax was reported as clear. Mr Reid was readmitted " ..
                 "with an enlarging pneumothorax and a second drain." .. admission_note(s)
        end,
      },
    },
  },
}
