# escape=`
FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
COPY app\ C:\app\
RUN C:\app\setup.exe /quiet `  
    /norestart `

    /log C:\setup.log
USER ContainerUser
