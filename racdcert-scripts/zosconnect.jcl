//ZCSETUP  JOB (ACCT),'Z/OS CONNECT TLS',CLASS=A,MSGCLASS=H,
//             NOTIFY=&SYSUID
//*
//* z/OS Connect (zosConnect-3.0) server key ring, as in IBM's
//* "How to configure a TLS connection with RACF key rings for IBM
//* z/OS Connect": steps 1-4 (ring, CA, server certificate, checks).
//*
//KEYRING  EXEC PGM=IKJEFT01,DYNAMNBR=20
//SYSTSPRT DD SYSOUT=*
//SYSTSIN  DD *
  /* 1. The server's key ring                                        */
  RACDCERT ID(ZCSERV1) ADDRING(Keyring.ZOSCONN)
  /* 2. A CA certificate, connected to the ring                       */
  RACDCERT GENCERT CERTAUTH SUBJECTSDN(CN('CA for zosConnect') +
           O('IBM') OU('zosConnect') C('US')) SIZE(2048) +
           WITHLABEL('zosConnectCA') NOTAFTER(DATE(2029-12-31))
  RACDCERT ID(ZCSERV1) CONNECT(RING(Keyring.ZOSCONN) +
           LABEL('zosConnectCA') CERTAUTH)
  /* 3. The server's personal certificate, signed by the CA           */
  RACDCERT ID(ZCSERV1) GENCERT SUBJECTSDN(CN('myServer.host.com') +
           O('IBM') OU('zosConnect') C('US')) SIZE(2048) +
           SIGNWITH(CERTAUTH LABEL('zosConnectCA')) +
           WITHLABEL('zosConnectServerCert') NOTAFTER(DATE(2029-12-31))
  RACDCERT ID(ZCSERV1) CONNECT(RING(Keyring.ZOSCONN) +
           LABEL('zosConnectServerCert'))
  SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH
  /* 4. Check the ring and both certificates                          */
  RACDCERT ID(ZCSERV1) LISTRING(Keyring.ZOSCONN)
  RACDCERT CERTAUTH LIST(LABEL('zosConnectCA'))
  RACDCERT ID(ZCSERV1) LIST(LABEL('zosConnectServerCert'))
/*
