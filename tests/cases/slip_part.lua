return {
  text = "A man of 70 with chest pain."
  ending = { outcome = "good" },
}
