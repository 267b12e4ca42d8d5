//ATTLSCRT JOB (ACCT),'AT-TLS CERTS',CLASS=A,MSGCLASS=H
//*
//* RACEMU-NOW: 2012-03-01T09:00:00Z
//* AT-TLS test certificates, as in SHARE session 16948 "Leveraging
//* z/OS Communications Server AT-TLS" (appendix: obtain x.509
//* certificates and update RACF key rings).  Blank before '(' and
//* several OU values per RDN, as on the slides.
//*
//ATTLS    EXEC PGM=IKJEFT01
//SYSTSPRT DD SYSOUT=*
//SYSTSIN  DD *
RACDCERT CERTAUTH GENCERT +
SUBJECTSDN( +
CN('MVS098 Certificate Authority') +
OU('Z/OS CS V1R9', 'ENS', 'AIM', 'SWG') +
O('IBM') +
L('Raleigh') +
SP('NC') +
C('US') ) +
SIZE(1024) +
NOTBEFORE(DATE(2010-02-01)) +
NOTAFTER(DATE(2020-12-31)) +
WITHLABEL('ABCTLS CA') +
KEYUSAGE(CERTSIGN) +
ALTNAME( +
DOMAIN('mvs098.tcp.raleigh.ibm.com') )
RACDCERT ID (TCPCS) GENCERT +
         SUBJECTSDN ( +
           CN('MVS098 Server Certificate') +
           OU('Z/OS CS V1R11', 'ENS', 'AIM', 'SWG') +
           O('IBM') +
           L('Raleigh') +
           SP('NC') +
           C('US') ) +
         SIZE(1024) +
         NOTBEFORE (DATE (2010-02-01)) +
         NOTAFTER (DATE (2020-12-31)) +
         WITHLABEL ('ABCTLS TCPSERV') +
         KEYUSAGE (HANDSHAKE DATAENCRYPT DOCSIGN) +
         ALTNAME ( +
           DOMAIN('mvs098.tcp.raleigh.ibm.com') ) +
         SIGNWITH (CERTAUTH LABEL ('ABCTLS CA'))
RACDCERT ID(TCPCS) ADDRING(TTLSRING)
RACDCERT ID(TCPCS) CONNECT(CERTAUTH LABEL('ABCTLS CA') RING(TTLSRING))
RACDCERT ID(TCPCS) CONNECT(LABEL('ABCTLS TCPSERV') RING(TTLSRING) +
         DEFAULT)
SETROPTS RACLIST(DIGTCERT,DIGTRING) REFRESH
RACDCERT ID(TCPCS) LISTRING(TTLSRING)
RACDCERT ID(TCPCS) LISTCHAIN(LABEL('ABCTLS TCPSERV'))
/*
