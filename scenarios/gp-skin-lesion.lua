-- The mark on his sole: a skin classifier that had seldom seen skin like his.
-- Primary care. A dermoscopy classifier trained almost entirely on lighter
-- skin is right about benign facial papules (first decision) and a benign
-- keratosis on his back (second), then confidently wrong about an acral
-- melanoma (third, advice on request): a tool biased by its training data,
-- which only the model card reveals. The tool gives a class and a melanoma
-- probability and no explanation at any decision, so its output holds no
-- cue to its error; two right answers first build the trust it then spends.
local models = include("models")

return case {
  format = 1,
  id = "gp-skin-lesion",
  version = "1.1",
  title = "The mark on his sole",
  summary = "A 54-year-old bus driver shows his GP the spots on his face, a patch on his " ..
            "back and a mark on the sole of his foot. The practice's dermoscopy app gives " ..
            "a verdict on each; decide what to do about every one.",
  objectives = {
    "Apply the NICE NG12 weighted 7-point checklist to a pigmented lesion",
    "Recognise acral lentiginous melanoma as the commonest type of melanoma in people " ..
      "with dark skin",
    "Read a model card for who the tool was trained on before relying on it",
    "Decide on clinical features when a tool gives no reasons and its accuracy for this " ..
      "patient is unknown",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG12 (2015) Suspected cancer: recognition and referral (skin cancers: melanoma)",
    "NICE NG14 (2015, updated 2022) Melanoma: assessment and management",
    "NICE CSG8 (2006) Improving outcomes for people with skin tumours including melanoma",
    "NHS Clinical Knowledge Summaries (archived). Skin cancer - suspected: melanoma",
    "Department of Health and Social Care (2024) Equity in medical devices: independent " ..
      "review. Final report",
  },
  tags = { "primary-care", "dermatology", "skin-lesion" },
  minutes = 10,
  x_setting = "primary_care",
  x_profession = "gp",
  x_tool_types = { "image_classifier" },
  x_explanations = { "none" },
  x_failure_modes = { "training_bias", "false_negative", "ai_right" },
  x_ai_errors = { "*/foot false_negative" },

  patient = {
    name = "Kwame Asante", age = 54, sex = "M",
    setting = "GP surgery, morning clinic",
    complaint = "Dark mark on the sole of his left foot, growing for 4 months",
    history = { "Hypertension", "Gout", "Fitzpatrick skin type VI" },
    medications = { "Amlodipine 10 mg once daily", "Allopurinol 200 mg once daily" },
    allergies = { "No known drug allergies" },
  },

  vitals = { hr = 72, sbp = 136, dbp = 82 },

  ai = models.card("derm"),

  start = "consult",
  nodes = {
    consult = {
      title = "Ten-minute appointment",
      text = "Mr Asante is a bus driver. His wife sent him, he says, \"about the spots on " ..
             "my face, and she wants you to look at my back and my foot as well\".\n\nThe " ..
             "practice has a smartphone dermoscope with the DermaScan app, which most of " ..
             "the partners now use before deciding on a skin referral.",
      next = "face",
    },

    face = {
      title = "The spots on his face",
      text = "Across both cheekbones are about twenty dark brown, smooth, dome-shaped " ..
             "papules, 1-4 mm across. He has had them since his twenties; there are more " ..
             "now than ten years ago, but none has changed on its own. His mother had the " ..
             "same. None itches or bleeds. You image the largest with the dermoscope.",
      results = {
        { name = "Facial papules (largest)",
          value = "4 mm, uniform dark brown, smooth outline; no change reported" },
      },
      decision = {
        prompt = "What do you advise about the facial spots?",
        options = {
          { id = "refer", label = "Refer them on the suspected cancer pathway for melanoma",
            next = "back" },
          { id = "reassure", label = "Reassure him that they are benign and need no treatment",
            next = "back" },
          { id = "cryo", label = "Offer cryotherapy in the practice to remove them",
            next = "back" },
        },
        best = { "reassure" },
        advice = {
          recommend = "reassure",
          confidence = nil,
          message = "LOW RISK - benign keratosis pattern (melanoma probability 3%). " ..
                    "Routine care.",
          timing = "after_initial",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          reassure = "Small, smooth, dome-shaped dark papules across both cheeks since his " ..
                     "twenties, in his mother too, none changing on its own: dermatosis " ..
                     "papulosa nigra, a common benign keratosis in brown and black skin. None " ..
                     "scores on the weighted 7-point checklist (NICE NG12); the tool's verdict " ..
                     "agreed with what the history already said.",
          refer = "Nothing here suggests melanoma: a familial pattern of small, uniform " ..
                  "papules present for decades, none changed in size, shape or colour, none 7 " ..
                  "mm or more, and none scoring on the weighted 7-point checklist (NICE NG12 " ..
                  "refers at 3 or more). A suspected cancer appointment would be spent on " ..
                  "benign spots.",
          cryo = "They are benign dermatosis papulosa nigra and need no treatment; " ..
                 "cryotherapy would be cosmetic, and can leave lasting pale or dark marks on " ..
                 "darker skin.",
        },
      },
      debrief = "The tool was right: these are dermatosis papulosa nigra, a common form " ..
                "of seborrhoeic keratosis in people with brown and black skin, often " ..
                "familial and increasing in number with age. On the weighted 7-point " ..
                "checklist (NICE NG12) no lesion scores: none has changed in size, shape " ..
                "or colour, none is 7 mm or more, inflamed, oozing or itchy. Cryotherapy " ..
                "would be cosmetic, and can leave lasting pale or dark marks on darker " ..
                "skin. The cue was the history and the checklist; the model card shows the " ..
                "tool's accuracy on skin like Mr Asante's is unknown, so its agreement " ..
                "added little.",
    },

    back = {
      title = "The patch on his back",
      text = "Just above his belt line is a raised, dark brown plaque with a warty surface " ..
             "that looks stuck on to the skin. He says it has been there for years and has " ..
             "not changed; his wife pointed it out a few weeks ago. It does not itch, bleed " ..
             "or ooze, and the skin around it is not red. You image it with the dermoscope.",
      results = {
        { name = "Lower back lesion",
          value = "9 × 7 mm, raised, dark brown, sharply demarcated; no change reported" },
        { name = "Dermoscopy (back)", value = "Milia-like cysts; comedo-like openings" },
      },
      decision = {
        prompt = "What do you advise about the patch on his back?",
        options = {
          { id = "refer", label = "Refer it on the suspected cancer pathway for melanoma",
            next = "foot" },
          { id = "reassure", label = "Reassure him that it is benign and needs no treatment",
            next = "foot" },
          { id = "shave", label = "Shave it off in the practice and send it for histology",
            next = "foot" },
        },
        best = { "reassure" },
        advice = {
          recommend = "reassure",
          confidence = nil,
          message = "LOW RISK - seborrhoeic keratosis pattern (melanoma probability 2%). " ..
                    "Routine care.",
          timing = "after_initial",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          reassure = "A stuck-on, warty, sharply demarcated plaque, unchanged for years, with " ..
                     "milia-like cysts and comedo-like openings, is a seborrhoeic keratosis. On " ..
                     "the weighted 7-point checklist it scores 1 (diameter 7 mm or more), under " ..
                     "NICE NG12's referral threshold of 3; tell him to come back if it changes.",
          refer = "It scores 1 on the weighted 7-point checklist (only its diameter), under " ..
                  "NICE NG12's referral threshold of 3, and its dermoscopy shows the milia-like " ..
                  "cysts and comedo-like openings of a seborrhoeic keratosis, not the features " ..
                  "of melanoma.",
          shave = "It is a seborrhoeic keratosis, benign on its history, its look and its " ..
                  "dermoscopy: removing it is cosmetic, uses a minor surgery slot and leaves a " ..
                  "scar. Tell him to come back if it changes.",
        },
      },
      debrief = "The tool was right again: a seborrhoeic keratosis, one of the commonest " ..
                "benign skin growths and more frequent with age, with its typical sharp " ..
                "edge, stuck-on look, milia-like cysts and comedo-like openings. On the " ..
                "weighted 7-point checklist it scores 1 (diameter 7 mm or more), under the " ..
                "referral threshold of 3, and dermoscopy does not suggest melanoma (NICE " ..
                "NG12). Removing a lesion you are sure is benign is cosmetic; a lesion you " ..
                "are not sure of is referred, not removed in the practice. A keratosis that " ..
                "is inflamed can look atypical and harder to tell from melanoma; this one " ..
                "is not. Tell him to come back if it changes.",
    },

    foot = {
      title = "The mark on his foot",
      text = "On the sole of his left heel is a flat brown-black patch. His wife first " ..
             "noticed it in the summer; he thinks it has grown \"to about the size of my " ..
             "fingernail\". It sometimes itches. Under the dermoscope the pigment lies " ..
             "along the ridges of the skin markings, and there is a blue-grey area at " ..
             "one edge.\n\nThere is no lymphadenopathy in his groin or behind his knee.",
      image = {
        file = "images/gp-skin-lesion-heel-dermoscopy.png",
        alt = "Dermoscopy of the lesion on the left heel, with a 5 mm scale bar. The skin " ..
              "of the sole shows its parallel ridges and furrows. The lesion, about 11 by " ..
              "8 mm, has an irregular outline and uneven brown to black pigment lying " ..
              "along the ridges, the furrows paler between them. At one edge there is a " ..
              "blue-grey area.",
      },
      results = {
        { name = "Plantar lesion, left heel",
          value = "11 × 8 mm, irregular outline, brown-black with a blue-grey area" },
        { name = "Dermoscopy (heel)", value = "Parallel ridge pattern; blue-white structures" },
      },
      decision = {
        prompt = "What do you do about the mark on his foot?",
        options = {
          { id = "review", label = "Reassure for now: photograph it and review in 3 months",
            next = "missed" },
          { id = "biopsy", label = "Take a punch biopsy in the practice and refer if it " ..
                                   "shows melanoma", next = "partial" },
          { id = "refer", label = "Refer it on the suspected cancer pathway for melanoma",
            next = "referred" },
        },
        best = { "refer" },
        -- No reasons: this tool reports a class and a probability only.
        advice = {
          recommend = "review",
          confidence = nil,
          message = "LOW RISK - benign acral naevus (melanoma probability 4%). Routine care.",
          timing = "on_request",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          refer = "Change in size, irregular shape and irregular colour score 2 each, " ..
                  "diameter 7 mm or more and itch 1 each: the weighted 7-point checklist is 8, " ..
                  "and NICE NG12 refers at 3 or more. DermaScan's card shows that under 1% of " ..
                  "its training images were of Fitzpatrick V-VI skin and 3% of palms and soles; " ..
                  "its low-risk verdict came with no reasons to check.",
          review = "A growing, itching, irregular brown-black patch with a blue-grey area and " ..
                   "a parallel ridge pattern scores 8 on the weighted 7-point checklist; NICE " ..
                   "NG12 refers at 3. DermaScan's card shows under 1% of its training images " ..
                   "were of Fitzpatrick V-VI skin and 3% of palms and soles: its 4% is not " ..
                   "evidence for skin like his.",
          biopsy = "A lesion scoring 8 on the weighted 7-point checklist is referred on the " ..
                   "suspected cancer pathway (NICE NG12), not sampled in the practice: a punch " ..
                   "biopsy delays the referral and may miss the worst part of the lesion " ..
                   "(check your local skin cancer pathway).",
        },
      },
      debrief = "The tool was wrong, with a melanoma probability of only 4%: a false " ..
                "negative. It gives no reasons, only a class and a probability, so " ..
                "nothing in its output could show the error - and it had just been right " ..
                "about his face and his back, " ..
                "which is how trust in a tool builds. The model card was the only warning: " ..
                "under 1% of its training images were of Fitzpatrick V-VI skin and 3% were " ..
                "of palms and soles, and its accuracy on either is unreported. The careful " ..
                "cue was clinical: change in size, irregular shape and irregular colour " ..
                "score 2 each, diameter 7 mm or more and change in sensation 1 each, so the " ..
                "weighted 7-point checklist is 8, and 3 or more means referral on the " ..
                "suspected cancer pathway (NICE NG12). Dermoscopy suggesting melanoma is on " ..
                "its own a reason to refer: a parallel ridge pattern suggests acral " ..
                "melanoma, the commonest type of melanoma in people with dark skin, and " ..
                "often diagnosed late. Suspected melanoma is referred rather than removed " ..
                "or sampled in the practice: NHS clinical knowledge summaries advise against " ..
                "excision in primary care (check your local skin cancer pathway). A punch " ..
                "biopsy only delays the referral, and a sample from one part of a lesion " ..
                "may miss its worst part.",
    },

    referred = {
      title = "Seen in 9 days",
      text = "The dermatologist excises the lesion. Histology: acral lentiginous melanoma, " ..
             "Breslow thickness 0.9 mm, not ulcerated. He has a wide local excision and " ..
             "is discussed at the skin cancer multidisciplinary team meeting.",
      elapsed = 13000,
      ending = {
        outcome = function(s)
          local clean = s.choices.face == "reassure" and s.choices.back == "reassure"
          return clean and "good" or "neutral"
        end,
        summary = function(s)
          local extra = {}
          if s.choices.face == "refer" then
            extra[#extra + 1] = "His facial papules, also referred, took a suspected cancer " ..
                                "appointment they did not need."
          elseif s.choices.face == "cryo" then
            extra[#extra + 1] = "Cryotherapy to his face left pale marks he is unhappy with."
          end
          if s.choices.back == "refer" then
            extra[#extra + 1] = "The keratosis on his back, also referred, took a suspected " ..
                                "cancer appointment it did not need."
          elseif s.choices.back == "shave" then
            extra[#extra + 1] = "The shave removal of the keratosis on his back used a " ..
                                "minor surgery slot and left a scar."
          end
          local text = "Mr Asante's melanoma was found early; his outlook is good."
          for _, line in ipairs(extra) do text = text .. " " .. line end
          return text
        end,
      },
    },

    partial = {
      title = "A partial sample",
      text = "The punch biopsy from the centre of the lesion is reported as \"atypical " ..
             "melanocytic proliferation, cannot exclude melanoma\". He is then referred. " ..
             "The excision five weeks later shows acral lentiginous melanoma, Breslow " ..
             "thickness 1.4 mm.",
      elapsed = 50000,
      ending = {
        outcome = "neutral",
        summary = "The melanoma was diagnosed about a month later than a direct referral " ..
                  "would have allowed.",
      },
    },

    missed = {
      title = "Five months later",
      text = "Mr Asante misses the three-month review. He comes back in the spring with " ..
             "a bleeding nodule in the patch and a lump in his left groin.",
      elapsed = 216000,
      ending = {
        outcome = "harm",
        summary = "Acral lentiginous melanoma, Breslow thickness 3.8 mm, ulcerated, with " ..
                  "spread to the groin nodes. His treatment is now for stage III disease.",
      },
    },
  },
}
