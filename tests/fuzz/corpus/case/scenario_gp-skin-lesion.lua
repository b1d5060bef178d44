-- The mark on his sole: a skin classifier that had seldom seen skin like his.
-- Primary care. A dermoscopy classifier trained almost entirely on lighter
-- skin is right about benign facial papules (first decision) and confidently
-- wrong about an acral melanoma (second decision, advice on request): a
-- tool biased by its training data, which only the model card reveals.
local models = include("models")

return case {
  format = 1,
  id = "gp-skin-lesion",
  version = "1.0",
  title = "The mark on his sole: a skin classifier that had seldom seen skin like his",
  summary = "A 54-year-old man with black skin shows his GP two things: dark spots on his " ..
            "face and a growing mark on the sole of his foot. The practice's dermoscopy " ..
            "app is there to help. How much does its verdict tell you for this patient?",
  objectives = {
    "Apply the NICE NG12 weighted 7-point checklist to a pigmented lesion",
    "Recognise acral lentiginous melanoma as the commonest melanoma in people with black skin",
    "Read a model card for who the tool was trained on before relying on it",
    "Decide on clinical features when the tool's accuracy for this patient is unknown",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG12 (2015) Suspected cancer: recognition and referral, recommendations " ..
      "1.7.1-1.7.3 (melanoma)",
    "NICE NG14 (2015, updated 2022) Melanoma: assessment and management",
    "NICE CSG8 (2006, updated 2010) Improving outcomes for people with skin tumours " ..
      "including melanoma",
    "Department of Health and Social Care (2024) Equity in medical devices: independent " ..
      "review (final report)",
  },
  tags = { "primary-care", "dermatology", "bias", "false-negative", "on-request" },
  minutes = 8,
  x_setting = "primary_care",
  x_profession = "gp",
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
             "my face, and she wants you to look at my foot as well\".\n\nThe practice " ..
             "has a smartphone dermoscope with the DermaScan app, which most of the " ..
             "partners now use before deciding on a skin referral.",
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
          { id = "refer", label = "Refer on the suspected cancer pathway (appointment " ..
                                  "within 2 weeks)", next = "foot" },
          { id = "reassure", label = "Reassure: dermatosis papulosa nigra, a benign " ..
                                     "condition; no treatment needed", next = "foot" },
          { id = "cryo", label = "Offer cryotherapy in the practice to remove them",
            next = "foot" },
        },
        best = { "reassure" },
        advice = {
          recommend = "reassure",
          confidence = 0.91,
          message = "LOW RISK - benign keratosis pattern (melanoma probability 3%). " ..
                    "Routine care.",
          reasons = {
            { "Sharply demarcated, dome-shaped", -0.28 },
            { "Uniform colour", -0.19 },
            { "No atypical pigment network", -0.15 },
            { "Dark lesion colour", 0.06 },
          },
          timing = "after_initial",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
      },
      debrief = "The tool was right: these are dermatosis papulosa nigra, small benign " ..
                "keratoses common on the faces of people with black or brown skin, often " ..
                "familial and increasing in number with age. On the weighted 7-point " ..
                "checklist (NICE NG12) no lesion scores: none has changed in size, shape " ..
                "or colour, none is 7 mm or more, inflamed, oozing or itchy. Cryotherapy " ..
                "is cosmetic and risks lasting pale or dark marks on darker skin. The cue " ..
                "was the history and the checklist; the model card shows the tool's " ..
                "accuracy on skin like Mr Asante's is unknown, so its agreement added " ..
                "little.",
    },

    foot = {
      title = "The mark on his foot",
      text = "On the sole of his left heel is a flat brown-black patch. His wife first " ..
             "noticed it in the summer; he thinks it has grown \"to about the size of my " ..
             "fingernail\". It sometimes itches. Under the dermoscope the pigment lies " ..
             "along the ridges of the skin markings, and there is a blue-grey area at " ..
             "one edge.\n\nThere is no lymphadenopathy in his groin or behind his knee.",
      results = {
        { name = "Plantar lesion, left heel",
          value = "11 × 8 mm, irregular outline, brown-black with a blue-grey area" },
        { name = "Dermoscopy", value = "Parallel ridge pattern; blue-white structures" },
      },
      decision = {
        prompt = "What do you do about the mark on his foot?",
        options = {
          { id = "review", label = "Reassure for now: photograph it and review in 3 months",
            next = "missed" },
          { id = "biopsy", label = "Take a punch biopsy in the practice and refer if it " ..
                                   "shows melanoma", next = "partial" },
          { id = "refer", label = "Refer on the suspected cancer pathway for melanoma " ..
                                  "(appointment within 2 weeks)", next = "referred" },
        },
        best = { "refer" },
        advice = {
          recommend = "review",
          confidence = 0.93,
          message = "LOW RISK - benign acral naevus (melanoma probability 4%). Routine care.",
          reasons = {
            { "Regular parallel pattern", -0.31 },
            { "Low colour contrast with surrounding skin", -0.22 },
            { "Diameter 11 mm", 0.12 },
            { "Blue-grey area", 0.09 },
          },
          timing = "on_request",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
      },
      debrief = "The tool was wrong, and confident: a false negative. The model card " ..
                "says why it could be: under 1% of its training images were of Fitzpatrick " ..
                "V-VI skin and 3% were of palms and soles, and its accuracy on either is " ..
                "unreported. Its explanation leans on low colour contrast with the " ..
                "surrounding skin, which is what darker skin gives every lesion, and it " ..
                "read a parallel pattern as reassuring without telling ridge from furrow. " ..
                "The careful cue was clinical: change in size, irregular shape and " ..
                "irregular colour score 2 each, diameter 7 mm or more and change in " ..
                "sensation 1 each, so the weighted 7-point checklist is 8, and 3 or more " ..
                "means referral on the suspected cancer pathway (NICE NG12). A parallel " ..
                "ridge pattern on dermoscopy suggests acral melanoma, the commonest " ..
                "melanoma in people with black skin, often diagnosed late. Suspected " ..
                "melanoma is not biopsied or removed in primary care (NICE CSG8): a " ..
                "partial sample can miss the thickest part and delays definitive excision.",
    },

    referred = {
      title = "Seen in 9 days",
      text = "The dermatologist excises the lesion. Histology: acral lentiginous melanoma, " ..
             "Breslow thickness 0.9 mm, not ulcerated. He has a wide local excision and " ..
             "is discussed at the skin cancer multidisciplinary team meeting.",
      elapsed = 13000,
      ending = {
        outcome = function(s)
          return s.choices.face == "reassure" and "good" or "neutral"
        end,
        summary = function(s)
          local face = ""
          if s.choices.face == "refer" then
            face = " His facial papules, also referred, took a two-week-wait slot they " ..
                   "did not need."
          elseif s.choices.face == "cryo" then
            face = " Cryotherapy to his face left pale marks he is unhappy with."
          end
          return "Mr Asante's melanoma was found early; his outlook is good." .. face
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
        summary = "The melanoma was diagnosed a month later than a direct referral would " ..
                  "have allowed, and the biopsy scar complicated the excision.",
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
