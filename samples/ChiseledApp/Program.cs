Console.WriteLine($"Running as {Environment.UserName} on {System.Runtime.InteropServices.RuntimeInformation.OSDescription}.");
