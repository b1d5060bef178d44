-- Model cards for the simulated tools the bundled cases use.
--
--   local models = include("models")
--   ai = models.card("deterioration")                       -- as written here
--   ai = models.card("cxr", { version = "2.3" })            -- with changes
--   ai = { ecg = models.card("ecg"), cxr = models.card("cxr") }   -- several tools
--
-- Every tool is fictional. Performance figures are plausible for the kind of
-- tool (in the range published for comparable products) and each card says
-- where they were measured, because the gap between a vendor's test set and
-- one's own patients is part of what the cases teach. Limitations are the
-- ones a careful reader of the card should find; several cases turn on one.
-- Each call returns a new table, so a case can change its copy freely.
local models = {}

local cards = {}

cards.sepsis = {
  name = "SepTrace", version = "2.3",
  kind = "risk score",
  intended_use = "Adults aged 18 to 85 in the emergency department; predicts sepsis " ..
                 "within 6 hours from the observations and blood results filed in the " ..
                 "electronic record, from triage onwards",
  performance = { sensitivity = 0.82, specificity = 0.74, auroc = 0.85 },
  trained_on = "2015-2019 records from three urban hospitals",
  limitations = {
    "Not validated in people over 85",
    "Reads only the observations filed in the electronic record: a set still on the " ..
      "paper chart, or not yet entered, is not seen. Each score names the time of the " ..
      "observations it used",
    "Performance reported by the developer; external validation in the UK is awaited",
  },
}

cards.ecg = {
  name = "ECG-Insight", version = "4.1",
  kind = "12-lead ECG classifier",
  intended_use = "Adults with suspected acute coronary syndrome; flags acute coronary " ..
                 "occlusion, including STEMI-equivalent patterns, from a 12-lead ECG and, " ..
                 "when recorded, posterior (V7-V9) leads",
  performance = { sensitivity = 0.88, specificity = 0.92, auroc = 0.94 },
  trained_on = "412,000 ECGs with angiographic outcomes from nine hospitals in the UK, " ..
               "the Netherlands and the USA, 2012-2021",
  limitations = {
    "Not validated with paced rhythms or left bundle branch block",
    "Not for people under 18",
    "Reads the ECG only: it does not use symptoms, examination or troponin",
    "Most false positives are left ventricular hypertrophy and early repolarisation",
  },
}

cards.deterioration = {
  name = "WardWatch", version = "3.0",
  kind = "deterioration risk score",
  intended_use = "Adult inpatients on general medical and surgical wards; estimates the " ..
                 "risk of unplanned ICU admission, cardiac arrest or death within 24 hours; " ..
                 "alerts when the index (0-100) reaches 60",
  performance = { sensitivity = 0.64, specificity = 0.91, auroc = 0.82, ppv = 0.11 },
  trained_on = "1.2 million observation sets from two English teaching hospitals, " ..
               "2016-2020; 78% medical, 22% surgical patients",
  limitations = {
    "Recalculates on the hour from observations charted in the electronic record: " ..
      "observations not yet charted, or taken between runs, are not seen",
    "Does not read nursing notes, or the concern of staff, patients or families",
    "At the alert threshold it misses about one in three deteriorations",
    "Post-operative surgical patients under-represented in training",
  },
}

cards.cxr = {
  name = "ChestFind", version = "2.2",
  kind = "chest X-ray image classifier",
  intended_use = "Frontal chest radiographs of adults (16 and over) in hospital; flags " ..
                 "pneumothorax, consolidation, effusion and nodules for a radiologist to " ..
                 "review; it does not issue a report",
  performance = { sensitivity = 0.93, specificity = 0.90, auroc = 0.95 },
  trained_on = "240,000 radiographs from two US academic centres, 2008-2017; labels " ..
               "taken from the report text by natural-language processing",
  limitations = {
    "Pneumothorax figures come from the developer's internal test set; no external " ..
      "validation has been published",
    "Labels were taken from report text, not from the images themselves",
    "Portable and supine films under-represented",
    "The heat map shows which parts of the image moved the score, not why",
  },
}

cards.derm = {
  name = "DermaScan", version = "1.6",
  kind = "dermoscopic image classifier (smartphone attachment)",
  intended_use = "Adults in primary care with a pigmented skin lesion of concern; rates " ..
                 "a dermoscopic image as low or high risk of melanoma to support the " ..
                 "referral decision",
  performance = { sensitivity = 0.89, specificity = 0.78, auroc = 0.91 },
  trained_on = "126,000 dermoscopic images from dermatology clinics in the UK, " ..
               "Australia and Germany, 2010-2019. Skin type recorded for 61%: " ..
               "Fitzpatrick I-III 95%, IV 4%, V-VI under 1%",
  limitations = {
    "Performance by skin type not reported: too few images of Fitzpatrick V-VI skin " ..
      "to estimate it",
    "Acral (palm and sole) and nail lesions are 3% of training images",
    "Reads the image only: it does not know the history of change or symptoms",
  },
}

cards.fever = {
  name = "FeverFlow", version = "1.2",
  kind = "triage risk model",
  intended_use = "Children aged 3 months to 5 years with fever in urgent care or the " ..
                 "emergency department; estimates the risk of serious bacterial infection " ..
                 "and suggests where the child should be managed",
  performance = { sensitivity = 0.85, specificity = 0.71, auroc = 0.86 },
  trained_on = "38,000 attendances of febrile children aged 3 to 60 months at four UK " ..
               "emergency departments, 2014-2019",
  limitations = {
    "Not for infants under 3 months: none were in the training data",
    "Not for children with chronic illness, immunosuppression or indwelling devices",
    "Uses observations and history only; blood and urine results are not inputs",
  },
}

cards.rx = {
  name = "RxGuard", version = "5.4",
  kind = "prescribing decision support (alerts)",
  intended_use = "Screens inpatient prescriptions against the patient's other medicines, " ..
                 "allergies, weight and renal function; raises dose, interaction and " ..
                 "duplication alerts with a suggested action",
  performance = { override_rate = 0.91, ppv = 0.09 },
  trained_on = "Rules from a commercial drug knowledge base; the suggested action is " ..
               "ranked by a model trained on one NHS trust's 2019-2021 alert responses",
  limitations = {
    "Interaction alerts fire on the pair of medicines, whatever the dose",
    "Does not know the indication or what has been agreed with the patient",
    "Severe and minor alerts look the same on screen",
    "About nine in ten alerts are overridden by prescribers",
  },
}

local function copy(t)
  if type(t) ~= "table" then return t end
  local out = {}
  for k, v in pairs(t) do out[k] = copy(v) end
  return out
end

-- A new copy of the named card, with `changes` laid over it.
function models.card(key, changes)
  local base = cards[key]
  if not base then error("models.card: no card named '" .. tostring(key) .. "'", 2) end
  local out = copy(base)
  for k, v in pairs(changes or {}) do out[k] = copy(v) end
  return out
end

-- The names of the cards, sorted, for authors browsing the library.
function models.names()
  local out = {}
  for k in pairs(cards) do out[#out + 1] = k end
  table.sort(out)
  return out
end

return models
