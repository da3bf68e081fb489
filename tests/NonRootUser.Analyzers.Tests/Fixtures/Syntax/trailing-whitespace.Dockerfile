FROM alpine   
ENV A=1 \ 	
    B=2	
RUN echo a \
   
	
  b   
USER app 	 
