/* REXX */
/*--------------------------------------------------------------------*/
/* Create a CA, a server certificate and a key ring, the way z/OSMF   */
/* workflow execs do, then list the ring and read it by column, the   */
/* way RACFADM does.                                                  */
/*--------------------------------------------------------------------*/
parse arg owner ring .
say 'Running as' userid() 'prefix' sysvar('SYSPREF') 'env' sysvar('SYSENV'),
    'ISPF' sysvar('SYSISPF')
trace commands
"RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('Racemu Test CA') OU('LIBERTY') O('EXAMPLE')) WITHLABEL('Racemu Test CA') NOTAFTER(DATE(2030-12-31))"
IF RC<>0 then exit 8
trace off
"RACDCERT ID (" || owner || ") GENCERT SUBJECTSDN(CN('liberty.example.com') O('EXAMPLE')) WITHLABEL('Liberty server') SIGNWITH(CERTAUTH LABEL('Racemu Test CA')) NOTAFTER(DATE(2029-12-31))"
IF RC<>0 then exit 8
"RACDCERT ADDRING(" || ring || ")    ID( " || owner || " )"
IF RC<>0 then exit 8
"RACDCERT ID(" || owner || ") CONNECT (CERTAUTH LABEL('Racemu Test CA') RING(" || ring || ") USAGE(CERTAUTH))"
IF RC<>0 then exit 8
"RACDCERT ID(" || owner || ") CONNECT (ID(" || owner || ") LABEL('Liberty server') RING(" || ring || ") DEFAULT USAGE(PERSONAL))"
IF RC<>0 then exit 8
x = OUTTRAP('list.',,'CONCAT')
"RACDCERT ID(" || owner || ") LISTRING(" || ring || ")"
listrc = rc
x = OUTTRAP('OFF')
say 'LISTRING RC' listrc 'lines' list.0 'trapped' list.trapped 'max' list.max list.con
do i = 1 to list.0
  say '|'list.i
end
started = 0
do i = 1 to list.0
  line = list.i
  if pos('--------', line) > 0 then do
    started = 1
    iterate
  end
  if \started | substr(line,3,32) = '' then iterate
  label = strip(substr(line,3,32))
  owner = strip(substr(line,38,12))
  usage = strip(substr(line,53,8))
  default = strip(substr(line,66,3))
  say 'Label:' label 'Owner:' owner 'Usage:' usage 'Default:' default
end
"NOSUCH COMMAND"
say 'NOSUCH RC' rc
exit 0
