-- Hyperacute stroke: a right read, then a quiet miss outside the tool's scope.
-- The AI is right at the first decision (no haemorrhage: thrombolyse now),
-- where trainees tend to wait for a formal report; at the second the
-- large-vessel-occlusion tool reports "no occlusion" for a posterior
-- circulation stroke it was never built to read. In the "colleague" variant
-- the first read is labelled as a radiology registrar's, without a confidence,
-- so a cohort can compare trust in the same advice from a person and a tool.
local variants = include("variants")

-- Feedback texts. At the CT the read is right in both variants; only who
-- gave it differs (a tool, or a registrar on the phone: "the advice").
-- Facts as in the debriefs: NICE TA264, TA990, NG128, the BNF alteplase
-- dose; see docs/clinical-checks/feedback-round.md.
local function ct_read_feedback(s)
  local rejected
  if s.variant == "colleague" then
    rejected = " The advice was right. If you set it aside because it came by phone rather " ..
               "than as the formal report, that is an error too."
  else
    rejected = " BleedCheck was right. If you set it aside because it came from a machine, " ..
               "that is an error too."
  end
  local lysis = "thrombolysis starts as early as possible within 4.5 hours of onset (NICE " ..
                "TA264 alteplase; TA990 tenecteplase)"
  local window = "once the CT has excluded haemorrhage, " .. lysis
  return {
    lyse = "No haemorrhage on the CT, 63 minutes from onset, a disabling deficit, BP under " ..
           "185/110 mmHg and no anticoagulant: " .. lysis .. ". Alteplase is 900 micrograms/kg " ..
           "(maximum 90 mg), the first 10% as an IV injection: 74 mg here. The read " ..
           "answered the one question the decision needed - is there blood? - and your own " ..
           "look at the CT agreed.",
    wait = "A formal report 40 minutes away adds nothing the decision needs: " .. window ..
           ", and every minute of delay costs brain." .. rejected,
    mri = "An MRI first adds time the decision does not need: " .. window .. "." .. rejected,
  }
end

local posterior = "Vertigo, diplopia, dysarthria, ataxia and a falling GCS point to the " ..
                  "posterior circulation, where basilar occlusion is easily missed and often " ..
                  "fatal"
local lvo_tool = " StrokeFlow assesses only the intracranial carotid and M1 segments, as its " ..
                 "model card says, and its reasons named only anterior vessels: its \"not " ..
                 "detected\" said nothing about the basilar artery."

return case {
  format = 1,
  id = "stroke-hasu",
  version = "1.1",
  title = "Dizzy, double vision, drowsy: the thrombolysis call",
  summary = "A man of 71 arrives at the hyperacute stroke unit 55 minutes after " ..
            "sudden vertigo, double vision and slurred speech. Quick reads of his scans " ..
            "come before the formal report. Decide on thrombolysis and what the " ..
            "angiogram shows.",
  objectives = {
    "Decide on thrombolysis without delay once haemorrhage is excluded (NICE NG128, " ..
      "TA264, TA990)",
    "Recognise when correct advice is being rejected for the wrong reason",
    "Read a model card for the anatomy a tool was built to assess",
    "Recognise posterior circulation stroke and the case for thrombectomy in basilar occlusion",
  },
  authors = { "Appraise project" },
  references = {
    "NICE NG128 (2019, updated 2022) Stroke and transient ischaemic attack in over 16s: " ..
      "diagnosis and initial management",
    "NICE TA264 Alteplase for treating acute ischaemic stroke",
    -- TA990's title is partly checked (the recommendation, 4.5 hours and 2024 are).
    "NICE TA990 (2024) Tenecteplase for treating acute ischaemic stroke",
    "BNF: alteplase; tenecteplase",
    "Royal College of Physicians Intercollegiate Stroke Working Party (2023) " ..
      "National clinical guideline for stroke for the UK and Ireland",
    "Royal College of Radiologists (2018) Standards for interpretation and reporting of " ..
      "imaging investigations",
  },
  tags = { "stroke", "imaging", "thrombolysis" },
  minutes = 7,
  variants = { "ai", "colleague" },

  x_setting = "stroke",
  x_profession = "stroke_registrar",
  x_tool_types = { "image_classifier" },
  x_failure_modes = { "ai_right", "out_of_scope", "false_negative" },
  x_ai_errors = { "*/angio_decision false_negative" },

  patient = {
    name = "Graham Pryce", age = 71, sex = "M",
    setting = "Hyperacute stroke unit",
    complaint = "Sudden vertigo, double vision and slurred speech at 10:05",
    history = { "Hypertension", "Hypercholesterolaemia", "Ex-smoker" },
    medications = { "Amlodipine 10 mg once daily", "Atorvastatin 40 mg once daily" },
    allergies = { "No known drug allergies" },
  },

  vitals = { hr = 88, sbp = 172, dbp = 94, rr = 18, spo2 = 96, temp = 36.8,
             gcs = 14, o2 = "air", glucose = 7.1, x_weight = "82 kg" },

  results = {
    { name = "Capillary glucose", value = 7.1, unit = "mmol/L" },
    { name = "NIHSS", value = 9, unit = "points" },
    { name = "Time since onset (witnessed)", value = 55, unit = "min" },
  },

  ai = {
    ich = {
      name = "BleedCheck", version = "3.1",
      kind = "CT triage classifier (intracranial haemorrhage)",
      intended_use = "Non-contrast CT head in adults with suspected stroke or head injury; " ..
                     "flags intracranial haemorrhage for priority reporting",
      performance = { sensitivity = 0.95, specificity = 0.94, auroc = 0.97 },
      trained_on = "61,000 non-contrast CT heads from five UK and European hospitals, " ..
                   "2014-2020, labelled by two neuroradiologists",
      limitations = {
        "Small (under 5 mL) subdural and subarachnoid bleeds account for most misses",
        "Not validated after neurosurgery or with metal artefact",
        "It does not exclude other contraindications to thrombolysis",
      },
    },
    lvo = {
      name = "StrokeFlow LVO", version = "2.0",
      kind = "CT angiogram classifier (large vessel occlusion)",
      intended_use = "CT angiography in adults with suspected anterior circulation stroke; " ..
                     "detects occlusion of the intracranial internal carotid artery and the " ..
                     "M1 segment of the middle cerebral artery",
      performance = { sensitivity = 0.90, specificity = 0.88, auroc = 0.93 },
      trained_on = "18,400 CT angiograms from thrombectomy centres in the UK and the USA, " ..
                   "2016-2021; anterior circulation occlusions only",
      limitations = {
        "Does not assess the vertebral, basilar or posterior cerebral arteries",
        "Not designed for M2 or more distal occlusions",
        "A 'no occlusion' result means none was found in the vessels it assesses",
      },
    },
  },

  start_time = "11:00",       -- the time of day at the start; the header adds the case clock
  start = "arrival",
  nodes = {
    arrival = {
      title = "Resus bay, hyperacute stroke unit",
      text = "Mr Pryce was gardening at 10:05 when the world began to spin. His wife " ..
             "saw him stagger and heard his speech slur. The ambulance pre-alerted you.\n\n" ..
             "He has dysarthria, diplopia on looking left, left arm and leg " ..
             "ataxia and mild left-sided weakness. He is drowsy but opens his eyes to " ..
             "voice and obeys commands. He takes no anticoagulant; no bleeding history, " ..
             "no recent surgery. Non-contrast CT head and CT angiogram were done on the way in.",
      next = "ct_read",
    },

    ct_read = {
      title = "The non-contrast CT",
      text = "The CT head is on the screen: no obvious bleed, no established infarct that " ..
             "you can see. The consultant radiologist's formal report is about 40 minutes " ..
             "away. His blood pressure is 172/94 mmHg and he weighs 82 kg.",
      elapsed = 8,
      decision = {
        prompt = "What do you do about thrombolysis?",
        options = {
          { id = "wait",   label = "Wait for the consultant radiologist's formal report, " ..
                                     "then decide", next = "angio_late" },
          { id = "lyse",   label = "Start thrombolysis now, before the formal report arrives",
            next = "angio" },
          { id = "mri",    label = "Arrange an MRI head first, then decide on thrombolysis",
            next = "angio_late" },
        },
        best = { "lyse" },
        advice = {
          tool = "ich",
          recommend = "lyse",
          confidence = variants.pick{ ai = 0.97, colleague = nil },
          message = variants.pick{
            ai = "Intracranial haemorrhage: NOT DETECTED. No hyperdense vessel flagged.",
            colleague = "I've looked at the CT: no haemorrhage, no early infarct. Go ahead " ..
                        "and lyse if he's otherwise eligible - my report will follow.",
          },
          -- A colleague on the phone gives no weighted reasons.
          reasons = variants.pick{
            ai = {
              { "No hyperdense blood in the parenchyma", 0.41 },
              { "Ventricles and sulci symmetrical", 0.22 },
              { "No extra-axial collection", 0.19 },
            },
          },
          timing = "with_case",
          source = variants.pick{ ai = "AI", colleague = "Radiology registrar (phone)" },
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        time_limit = 120,
        on_timeout = "angio_late",
        feedback = ct_read_feedback,
      },
      debrief = function(s)
        local who, source
        if s.variant == "colleague" then
          who = "The registrar's read was right."
          source = "because it came from a registrar on the phone rather than the formal " ..
                   "report"
        else
          who = "BleedCheck was right."
          source = "because it came from a machine"
        end
        return who .. " The CT showed no haemorrhage, he was 63 minutes from onset with a " ..
               "disabling deficit, BP under 185/110 mmHg, no anticoagulant: eligible for " ..
               "thrombolysis. Waiting 40 minutes for a formal report, or for an MRI, gives " ..
               "nothing the decision needs and loses brain. The careful cue was the " ..
               "question the read had to answer - is there blood? - which the CT itself, " ..
               "checked by the stroke team, answered; the read agreed. Rejecting right " ..
               "advice " .. source .. " is an error too. NICE TA990 (2024) recommends " ..
               "tenecteplase as an alternative to alteplase within the same 4.5 hours; " ..
               "units choose between them by local protocol. Simplified: a real checklist " ..
               "of contraindications takes a few minutes."
      end,
    },

    angio = {
      title = "The CT angiogram",
      text = "The alteplase bolus is in and the infusion running. The CT angiogram has been " ..
             "processed. He is drowsier: he now needs a firm voice to open his eyes.",
      elapsed = 12,
      vitals = { gcs = 12, sbp = 168, dbp = 92, hr = 84 },
      set = { lysed = true },
      next = "angio_decision",
    },

    angio_late = {
      title = "The CT angiogram, 40 minutes on",
      text = "The formal report confirms no haemorrhage. Thrombolysis starts now, 40 minutes " ..
             "later than it could have. The CT angiogram has been processed. He is drowsier: " ..
             "he now needs a firm voice to open his eyes.",
      elapsed = 40,
      vitals = { gcs = 12, sbp = 170, dbp = 94, hr = 86 },
      set = { lysed = false },
      next = "angio_decision",
    },

    angio_decision = {
      title = "Is there an occlusion?",
      text = "The angiogram report is not back. The LVO tool has read the scan.",
      elapsed = 3,
      decision = {
        prompt = "What do you do next?",
        options = {
          { id = "hasu",   label = "Continue thrombolysis and admit him to the stroke unit " ..
                                   "for monitoring", next = "missed" },
          { id = "repeat", label = "Continue thrombolysis and plan the routine repeat CT head " ..
                                   "at 24 hours", next = "missed" },
          { id = "review", label = "Read the whole angiogram yourself now and ask the " ..
                                   "neuroradiologist to review it", next = "basilar" },
        },
        best = { "review" },
        advice = {
          tool = "lvo",
          recommend = "hasu",
          confidence = 0.91,
          message = "Large vessel occlusion: NOT DETECTED.",
          reasons = {
            { "Both M1 segments opacified", 0.38 },
            { "Intracranial ICA patent bilaterally", 0.33 },
            { "Collateral score normal (anterior circulation)", 0.12 },
          },
          timing = "after_initial",
        },
        ask = { trust = true, confidence = true, rationale = "override" },
        feedback = {
          review = posterior .. ". NICE NG128 advises considering thrombectomy for a " ..
                   "confirmed proximal posterior circulation occlusion up to 24 hours after " ..
                   "he was last known well, with salvageable brain on imaging." .. lvo_tool,
          hasu = posterior .. ", and nobody has yet read the angiogram there. NICE NG128 " ..
                 "advises considering thrombectomy for a confirmed basilar occlusion, which " ..
                 "monitoring alone will not find in time." .. lvo_tool,
          ["repeat"] = posterior .. ". A routine CT at 24 hours shows the damage, too late " ..
                       "for the thrombectomy that NICE NG128 advises considering." .. lvo_tool,
        },
      },
      debrief = "StrokeFlow was wrong, and its model card said it would be. It assesses " ..
                "only the carotid and M1 segments; its 'not detected' said nothing about " ..
                "the basilar artery. Vertigo, diplopia, dysarthria, ataxia and a falling GCS " ..
                "point to the posterior circulation - basilar occlusion is easily missed and " ..
                "often fatal. The careful cues were the clinical syndrome and the model " ..
                "card's intended use; its reasons named only anterior vessels. Simplified: " ..
                "a real decision on thrombectomy also weighs perfusion imaging and the " ..
                "thrombectomy centre's view.",
    },

    basilar = {
      title = "Basilar occlusion",
      text = "On the angiogram you see the basilar artery fails to fill beyond its lower " ..
             "third. The neuroradiologist agrees within minutes; the thrombectomy centre " ..
             "accepts him and he is transferred with the thrombolysis infusion running.",
      elapsed = 20,
      ending = {
        outcome = function(s) return s.vars.lysed and "good" or "neutral" end,
        summary = function(s)
          if s.vars.lysed then
            return "The basilar artery was reopened 2 hours 40 minutes after onset. " ..
                   "Three months later he walks with a stick and speaks clearly."
          end
          return "The basilar artery was reopened, later than it might have been. " ..
                 "He survived with ataxia and needs help to walk."
        end,
      },
    },

    missed = {
      title = "The next morning",
      text = "Overnight his GCS fell to 7 and he developed bilateral limb weakness. A repeat " ..
             "review of the angiogram shows a basilar artery occlusion, missed the day before.",
      elapsed = 900,
      vitals = { gcs = 7, rr = 12, spo2 = 93 },
      ending = { outcome = "harm",
                 summary = "By then imaging showed an established brainstem infarct with no " ..
                           "tissue left to save, so thrombectomy could no longer help. He " ..
                           "survived with severe disability." },
    },
  },
}
