counter = (counter or 0) + 1
return { count = counter }
