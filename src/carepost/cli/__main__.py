from carepost.cli import main

main()
