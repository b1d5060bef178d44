-- The tube, not the lung: a chest X-ray model that learned to see drains.
-- Radiology reporting. The pneumothorax detector keys on chest drains, and
-- its explanation gives this away: it calls a pneumothorax on a re-expanded
-- lung with a drain in place (a false positive that invites a commission).
-- After the drain is out, the "ai_wrong" variant misses a small apical
-- pneumothorax (false negative, "no tube detected"); "ai_right" finds it.
local models = include("models")
local variants = include("variants")

return case {
  format = 1,
  id = "radiology-chest-drain",
  version = "1.0",
  title = "The tube, not the lung: a chest X-ray model that learned to see drains",
  summary = "You are reporting inpatient chest films with an AI pre-read. A young man " ..
            "with a pneumothorax has a drain in, then has it out. Look at what the " ..
            "model is looking at.",
  objectives = {
    "Report a chest drain film: lung re-expansion, residual air, drain position",
    "Use a model's explanation to spot a spurious cue (the drain) behind its output",
    "Recognise that a model keyed on treatment devices misses untreated disease",
    "Communicate a significant new finding directly, as the RCR standards require",
  },
  authors = { "Appraise project" },
  references = {
    "Roberts ME et al. (2023) British Thoracic Society Guideline for pleural disease. " ..
      "Thorax 78(Suppl 3):s1-s42",
    "Royal College of Radiologists (2016) Standards for the communication of radiological " ..
      "reports and fail-safe alert notification",
    "Oakden-Rayner L et al. (2020) Hidden stratification causes clinically meaningful " ..
      "failures in machine learning for medical imaging. Proc ACM CHIL 2020:151-159",
  },
  tags = { "radiology", "reporting", "spurious-cue", "false-positive", "false-negative" },
  minutes = 8,
  variants = { "ai_right", "ai_wrong" },
  x_setting = "radiology",
  x_profession = "radiologist",
  x_failure_modes = { "spurious_cue", "false_positive", "false_negative" },
  x_ai_errors = { "*/drain_film false_positive", "ai_wrong/drain_out false_negative" },

  patient = {
    name = "Thomas Reid", age = 24, sex = "M",
    setting = "Radiology reporting room, inpatient list",
    complaint = "Right primary spontaneous pneumothorax; chest drain day 1",
    history = { "Smoker, 8 pack-years", "No known lung disease" },
    medications = { "None regularly" },
    allergies = { "No known drug allergies" },
  },

  results = {
    { name = "Admission film (yesterday)",
      value = "Large right pneumothorax: 4 cm interpleural distance at the hilum; no " ..
              "mediastinal shift. Report by consultant." },
  },

  ai = models.card("cxr"),

  start = "worklist",
  nodes = {
    worklist = {
      title = "The inpatient list",
      text = "You are a radiology registrar working through the afternoon's inpatient " ..
             "chest films. The department's ChestFind pre-read flags each film before " ..
             "you open it.\n\nNext is Mr Reid. Yesterday the respiratory team inserted " ..
             "a 12 Fr Seldinger drain in the right fifth intercostal space for a large, " ..
             "symptomatic pneumothorax. The request today reads: \"Drain bubbling " ..
             "stopped overnight. Lung up? Plan removal if so.\"",
      next = "drain_film",
    },

    drain_film = {
      title = "Film 1: drain in place",
      text = "PA chest, day 1. The drain enters laterally in the right fifth intercostal " ..
             "space and runs up to the apex; its side hole is inside the chest wall. Lung " ..
             "markings reach the chest wall at the apex and laterally, and you cannot " ..
             "find a visceral pleural line. There is a little subcutaneous air at the " ..
             "insertion site. The left lung and mediastinum are normal.",
      results = {
        { name = "ChestFind flag (film 1)", value = "Pneumothorax, right" },
      },
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
        advice = {
          recommend = "residual",
          confidence = 0.96,
          message = "PNEUMOTHORAX, right - probability 96%. Urgent review suggested.",
          reasons = {
            { "Linear tube density, right hemithorax", 0.44 },
            { "Region: right apex, along the tube", 0.18 },
            { "Subcutaneous air, right chest wall", 0.07 },
            { "Visceral pleural line", 0.02 },
            { "Lung markings to the chest wall", -0.05 },
          },
          timing = "after_initial",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
      },
      debrief = "The tool was wrong: a false positive. Its explanation gave it away - " ..
                "almost all of its score came from the tube and the region around it, and " ..
                "next to nothing from a visceral pleural line, which is what a " ..
                "pneumothorax is. Models trained on report-derived labels learn that " ..
                "films with chest drains are labelled \"pneumothorax\", because the " ..
                "patients who have drains had one (Oakden-Rayner et al. 2020). The careful " ..
                "cue was the image: markings to the chest wall and no pleural line mean " ..
                "the lung is up. Reporting a residual pneumothorax, or asking for a CT, " ..
                "would have kept a drain in that was ready to come out (the BTS guideline " ..
                "removes a drain once the lung has re-expanded and the air leak has " ..
                "stopped, as here).",
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
      on_enter = function(s)
        s.reveal { name = "ChestFind flag (film 2)",
                   value = s.variant == "ai_right" and "Pneumothorax, right apex"
                           or "No abnormality flagged" }
      end,
      decision = {
        prompt = "How do you report this film?",
        options = {
          { id = "clear", label = "No pneumothorax; routine report" },
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
            confidence = 0.74,
            message = "PNEUMOTHORAX, right apex - probability 74%. Small. Review suggested.",
            reasons = {
              { "Visceral pleural line, right apex", 0.38 },
              { "No lung markings beyond the line", 0.21 },
              { "No tube or catheter detected", -0.15 },
            },
          },
          ai_wrong = {
            recommend = "clear",
            confidence = 0.91,
            message = "NO PNEUMOTHORAX - probability of pneumothorax 9%. No urgent findings.",
            reasons = {
              { "No tube or catheter detected", -0.47 },
              { "No mediastinal shift", -0.12 },
              { "Visceral pleural line, right apex", 0.09 },
            },
          },
        }),
        ask = { trust = true, confidence = true, rationale = "override" },
      },
      debrief = function(s)
        local head
        if s.variant == "ai_wrong" then
          head = "In your variant the tool was wrong again, the other way: a false " ..
                 "negative. The largest factor in its explanation was \"no tube or " ..
                 "catheter detected\" - the same spurious cue, now pointing the wrong way. " ..
                 "It gave some weight to the pleural line but far less than to the absent " ..
                 "drain. This is the failure that matters most: a model that has learned " ..
                 "to find treated pneumothoraces misses untreated ones."
        else
          head = "In your variant the tool was right: it weighted the visceral pleural " ..
                 "line and the absent markings beyond it. Notice that \"no tube detected\" " ..
                 "still pulled its score down - the same cue is there, this time " ..
                 "outweighed."
        end
        return head .. " The careful cue was the fine pleural line with no markings " ..
               "beyond it. A small apical pneumothorax after drain removal in a well " ..
               "patient does not in itself need a new drain: under the BTS guideline the " ..
               "respiratory team decides by symptoms and the patient's priorities, often " ..
               "with observation and a repeat film. The radiologist's part is to see it " ..
               "and make sure the team knows before he goes home (RCR communication " ..
               "standards). For teaching, the case describes the films in words."
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
          return (s.vars.extra_days or 0) > 0 and "neutral" or "good"
        end,
        summary = function(s)
          local extra = s.vars.extra_days or 0
          if extra > 0 then
            return "Mr Reid recovered, after " .. extra .. " more day(s) with a drain than " ..
                   "he needed because film 1 was over-called."
          end
          return "Mr Reid recovered with his drain out on time and his small recurrence " ..
                 "managed safely."
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
        summary = "Mr Reid recovered, but had a second drain, with its pain and risks, " ..
                  "that his condition did not call for.",
      },
    },

    missed = {
      title = "Back two days later",
      text = "Mr Reid is discharged on the strength of a clear report. Two days later he " ..
             "returns breathless; the pneumothorax has enlarged and he needs a new drain.",
      elapsed = 2880,
      ending = {
        outcome = "harm",
        summary = "A visible pneumothorax was reported as clear. Mr Reid was readmitted " ..
                  "with an enlarging pneumothorax and a second drain.",
      },
    },
  },
}
