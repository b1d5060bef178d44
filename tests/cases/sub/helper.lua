local counter = 0
counter = counter + 1
return { count = counter }
