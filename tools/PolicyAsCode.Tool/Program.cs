using System;

return PolicyAsCode.Tool.PacApp.Run(args, Console.Out, Console.Error);
